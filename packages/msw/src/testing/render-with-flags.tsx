import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, type RenderOptions, type RenderResult, render } from '@testing-library/react';
import { FlagProvider, type FlagProviderProps } from '@waffle-kit/react';
import type { RequestHandler } from 'msw';
import type { ReactNode } from 'react';
import type { FlagValues, LearnerPortalFixtures } from '../fixtures/fixture-types.js';
import { learnerPortalHandlers } from '../handlers/learner-portal-handlers.js';
import { createTestQueryClient } from './flag-test-provider.js';

// Every fixture field, once: `Required` makes a field added to LearnerPortalFixtures a compile error here.
const FIXTURE_FIELDS: Record<keyof Required<LearnerPortalFixtures>, true> = {
  flags: true,
  flagsByCustomer: true,
  enterprises: true,
  enrollments: true,
  user: true,
  switches: true,
  samples: true,
  version: true,
  baseUrl: true,
  sets: true,
  set: true,
};

/** Splits the options into the fixtures (only those given) and the rest (ours and the provider's). */
function splitFixtures(options: RenderWithFlagsOptions): {
  fixtures: LearnerPortalFixtures;
  rest: Omit<RenderWithFlagsOptions, keyof LearnerPortalFixtures>;
} {
  const fixtures: Record<string, unknown> = {};
  const rest: Partial<RenderWithFlagsOptions> = { ...options };
  for (const key of Object.keys(FIXTURE_FIELDS) as (keyof LearnerPortalFixtures)[]) {
    if (options[key] !== undefined) fixtures[key] = options[key];
    delete rest[key];
  }
  return { fixtures, rest: rest as Omit<RenderWithFlagsOptions, keyof LearnerPortalFixtures> };
}

/** Anything handlers can be added to: `setupServer()` (msw/node) or `setupWorker()` (msw/browser). */
export interface HandlerHost {
  use(...handlers: RequestHandler[]): void;
}

export interface RenderWithFlagsOptions
  extends LearnerPortalFixtures,
    Omit<FlagProviderProps, 'children' | 'user'> {
  /**
   * The MSW server (or worker) of the test file. When any fixture (`flags`, `enterprises`, ...)
   * is given, handlers answering with them are added with `server.use()` (the file's
   * `afterEach(() => server.resetHandlers())` removes them); without fixtures the server's own
   * handlers answer, including a `server.use()` override made before the render.
   */
  server: HandlerHost;
  /** More handlers for this render, ahead of the flag handlers (e.g. a `flagScenarios` one). */
  handlers?: RequestHandler[];
  /** Default: a fresh client without retries. */
  queryClient?: QueryClient;
  /** The FlagProvider's `user` prop (the fixtures' `user` is the mocked API user). */
  providerUser?: string | null;
  /** Passed on to Testing Library's `render`. */
  renderOptions?: Omit<RenderOptions, 'queries'>;
}

export interface RenderWithFlagsResult extends RenderResult {
  queryClient: QueryClient;
  /** Answers with these global flags (over the fixtures) from now on and refetches every active query. */
  setFlags(flags: FlagValues): Promise<void>;
}

/**
 * Testing Library's `render` with a fresh QueryClient, `FlagProvider`, and the learner portal
 * handlers answering with your fixtures: the app fetches its data as in production and the flags
 * arrive in those responses.
 *
 * @example
 * renderWithFlags(<App />, { server, flags: { 'enterprise.dashboard_v2': true } });
 * expect(await screen.findByRole('heading', { name: 'New dashboard' })).toBeTruthy();
 */
export function renderWithFlags(ui: ReactNode, options: RenderWithFlagsOptions): RenderWithFlagsResult {
  const { fixtures: given, rest } = splitFixtures(options);
  const {
    server,
    handlers = [],
    queryClient = createTestQueryClient(),
    providerUser,
    renderOptions,
    ...provider
  } = rest;
  let fixtures = given;
  // The handlers read the fixtures on every request, so setFlags changes the next answers.
  // Without fixtures the server's handlers answer as they are (e.g. a `server.use()` override).
  const flagHandlers = () => learnerPortalHandlers(() => fixtures);
  const hasFixtures = Object.keys(given).length > 0;
  server.use(...handlers, ...(hasFixtures ? flagHandlers() : []));
  const result = render(
    <QueryClientProvider client={queryClient}>
      <FlagProvider
        allowOverrides={false}
        {...provider}
        {...(providerUser === undefined ? {} : { user: providerUser })}
      >
        {ui}
      </FlagProvider>
    </QueryClientProvider>,
    renderOptions,
  );
  return {
    ...result,
    queryClient,
    async setFlags(next) {
      fixtures = { ...fixtures, flags: { ...fixtures.flags, ...next }, version: (fixtures.version ?? 1) + 1 };
      if (!hasFixtures) server.use(...flagHandlers());
      await act(() => queryClient.invalidateQueries());
    },
  };
}
