import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RequestHandler } from 'msw';
import type { ReactNode } from 'react';
import { App } from '../app/app.js';
import { createQueryClient } from '../app/query-client.js';
import type { MockBackendState } from '../mock/mock-backend.js';
import { mockApi } from './mock-api.js';

export interface RenderPortalOptions extends MockBackendState {
  /** The address to open, e.g. `/acme/` or `/acme/?feature=enterprise.dashboard_v2`. */
  readonly path?: string;
  readonly devTools?: ReactNode;
  /** MSW handlers for this test only, in place before the first request (they win). */
  readonly handlers?: readonly RequestHandler[];
}

/** Renders the whole portal at `path`, against the mock backend set up with `options`. */
export function renderPortal({ path = '/', devTools, handlers = [], ...backend }: RenderPortalOptions = {}) {
  mockApi.reset(backend);
  mockApi.server.use(...handlers);
  window.history.replaceState(null, '', path);
  const user = userEvent.setup();
  const client = createQueryClient({ retries: 0 });
  const view = render(
    <QueryClientProvider client={client}>
      <App devTools={devTools} />
    </QueryClientProvider>,
  );
  return { user, client, ...view };
}
