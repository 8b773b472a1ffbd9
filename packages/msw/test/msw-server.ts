import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One MSW server per test file, started and reset around its tests. */
export function setupTestServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Fetches `url` and returns its status and JSON body. */
export async function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json() };
}

export const API = 'http://localhost';
export const LEARNER = `${API}/enterprise/api/v1/enterprise-learner/`;
export const DASHBOARD = `${API}/api/v1/bffs/learner/dashboard/`;
export const WAFFLE_STATUS = `${API}/waffle_status`;

/** POSTs the dashboard BFF for `slug` (none: the default customer). */
export const postDashboard = (slug?: string) =>
  fetchJson(DASHBOARD, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(slug === undefined ? {} : { enterprise_customer_slug: slug }),
  });
