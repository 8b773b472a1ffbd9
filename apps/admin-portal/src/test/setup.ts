import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mockApi } from './mock-admin-api.js';

beforeAll(() => mockApi.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mockApi.reset();
  window.location.hash = '';
  // biome-ignore lint/suspicious/noDocumentCookie: the tests set the CSRF cookie as the server would.
  document.cookie = 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});
afterAll(() => mockApi.server.close());
