import type { RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import type { FixturesInput } from './fixtures/fixture-types.js';
import { learnerPortalHandlers } from './handlers/learner-portal-handlers.js';

/**
 * `setupWorker` (the browser: a mock mode, Storybook, a demo without a backend) with the learner
 * portal handlers for `fixtures` installed, after your own `handlers` (which therefore win). The
 * page must serve MSW's worker script: `npx msw init public/` puts `mockServiceWorker.js` there.
 *
 * @example
 * const fixtures = createFixtureStore({ flags: { 'enterprise.dashboard_v2': true } });
 * const worker = setupFlagWorker(fixtures.get);
 * await worker.start({ onUnhandledRequest: 'bypass' });
 */
export function setupFlagWorker(fixtures: FixturesInput = {}, ...handlers: RequestHandler[]): SetupWorker {
  return setupWorker(...handlers, ...learnerPortalHandlers(fixtures));
}
