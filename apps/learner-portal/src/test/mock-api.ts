import { setupServer } from 'msw/node';
import { mockHandlers } from '../mock/mock-handlers.js';
import { createMockState, type MockSnapshot, type MockState } from '../mock/mock-state.js';

/**
 * The tests' backend: the same handlers as mock mode, on `setupServer`, with a state each test
 * sets up. Every request is recorded so a test can check what the portal asked for.
 */
function createMockApi() {
  let state: MockState = createMockState();
  const requests: string[] = [];
  // The handlers read `state` through this indirection, so `reset` can swap it per test.
  const proxy: MockState = {
    get: () => state.get(),
    update: (change) => state.update(change),
    setFlag: (name, value) => state.setFlag(name, value),
    setSwitch: (name, value) => state.setSwitch(name, value),
    subscribe: (listener) => state.subscribe(listener),
    flagsFor: (uuid) => state.flagsFor(uuid),
  };
  const server = setupServer(...mockHandlers(proxy));
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname}`);
  });
  return {
    server,
    requests,
    get state() {
      return proxy;
    },
    /** A fresh backend state for the next test. */
    reset(initial: Partial<Omit<MockSnapshot, 'version'>> = {}) {
      state = createMockState(initial);
      requests.length = 0;
      server.resetHandlers();
    },
  };
}

export const mockApi = createMockApi();
