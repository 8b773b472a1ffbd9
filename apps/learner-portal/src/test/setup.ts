import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mockApi } from './mock-api.js';

beforeAll(() => mockApi.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mockApi.reset();
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
});
afterAll(() => mockApi.server.close());
