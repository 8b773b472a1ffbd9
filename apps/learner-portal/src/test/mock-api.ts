import { setupServer } from 'msw/node';
import { createMockBackend, type MockBackendState } from '../mock/mock-backend.js';

/**
 * The tests' backend: the same handlers as mock mode, on `setupServer`, with a state each test
 * sets up. Every request is recorded so a test can check what the portal asked for.
 */
function createMockApi() {
  const backend = createMockBackend();
  const requests: string[] = [];
  const server = setupServer(...backend.handlers);
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  return {
    server,
    backend,
    requests,
    /** A fresh backend state for the next test. */
    reset(state: MockBackendState = {}) {
      backend.reset(state);
      requests.length = 0;
      server.resetHandlers();
    },
  };
}

export const mockApi = createMockApi();
