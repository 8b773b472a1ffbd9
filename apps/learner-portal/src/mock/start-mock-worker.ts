import { setupWorker } from 'msw/browser';
import { mockHandlers } from './mock-handlers.js';
import { createMockState, type MockState } from './mock-state.js';

/** Where mock mode starts: alice signed in, every feature off, so flipping one shows it appear. */
export function initialMockState(): MockState {
  return createMockState({ username: 'alice', flags: {}, switches: {} });
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
