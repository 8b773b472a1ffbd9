import { setupWorker } from 'msw/browser';
import { PORTAL_FLAGS } from '../app/flag-names.js';
import { createMockBackend, type MockBackend } from './mock-backend.js';

/**
 * Where mock mode starts: alice signed in and every flag sent as off (as the real server sends
 * every flag), so flipping one shows its feature appear.
 */
export function initialMockBackend(): MockBackend {
  const flags = Object.fromEntries(PORTAL_FLAGS.map((name) => [name, false]));
  return createMockBackend({ username: 'alice', flags });
}

/**
 * Starts the MSW service worker (`public/mockServiceWorker.js`, from `msw init public/`) so every
 * API request of the portal is answered in the browser. Anything else (the app's own files) goes
 * to the network as usual.
 */
export async function startMockWorker(backend: MockBackend): Promise<void> {
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
