import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../app/app.js';
import { createQueryClient } from '../app/query-client.js';

/** Renders the whole admin page at `hash` (e.g. `#/flags/x`), as the browser would load it. */
export function renderApp(hash = '#/flags') {
  window.location.hash = hash;
  const user = userEvent.setup();
  const client = createQueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
  return { user, client, ...view };
}
