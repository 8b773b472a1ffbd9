import { setupWorker } from 'msw/browser';
import { PORTAL_FLAGS } from '../app/flag-names.js';
import { mockHandlers } from './mock-handlers.js';
import { createMockState, type MockState } from './mock-state.js';

/**
 * Where mock mode starts: alice signed in and every flag sent as off (as the real server sends
 * every flag), so flipping one shows its feature appear.
 */
export function initialMockState(): MockState {
  const flags = Object.fromEntries(PORTAL_FLAGS.map((name) => [name, false]));
  return createMockState({ username: 'alice', flags, switches: {} });
}

/**
 * Starts the MSW service worker (`public/mockServiceWorker.js`, from `msw init public/`) so every
 * API request of the portal is answered in the browser. Anything else (the app's own files) goes
 * to the network as usual.
 */
export async function startMockWorker(state: MockState): Promise<void> {
  const worker = setupWorker(...mockHandlers(state));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
