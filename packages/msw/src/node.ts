import type { RequestHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import type { FixturesInput } from './fixtures/fixture-types.js';
import { learnerPortalHandlers } from './handlers/learner-portal-handlers.js';

/**
 * `setupServer` (Node: Vitest, Jest, scripts) with the learner portal handlers for `fixtures`
 * installed, after your own `handlers` (which therefore win). Start and stop it as any MSW server.
 *
 * @example
 * const server = setupFlagServer({ flags: { 'enterprise.dashboard_v2': true } });
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => server.resetHandlers());
 * afterAll(() => server.close());
 */
export function setupFlagServer(fixtures: FixturesInput = {}, ...handlers: RequestHandler[]): SetupServer {
  return setupServer(...handlers, ...learnerPortalHandlers(fixtures));
}
