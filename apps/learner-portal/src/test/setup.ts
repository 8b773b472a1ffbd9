import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mockApi } from './mock-api.js';

// Browser tests (`*.e2e.test.ts`, node environment) talk to real servers: no MSW there.
const dom = typeof window !== 'undefined';

beforeAll(() => {
  if (dom) mockApi.server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  if (!dom) return;
  cleanup();
  mockApi.reset();
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
});
afterAll(() => {
  if (dom) mockApi.server.close();
});
