import { errorResponseSchema } from '@waffle-kit/contract';
import { expect } from 'vitest';
import type { z } from 'zod';
import { expectShape } from './expect-shape.js';
import type { TestClient } from './test-client.js';

/**
 * One admin route as the access checks call it: method, path, a body that the route accepts, and
 * the contract's schema of its answer (none: a 204 without a body).
 */
export type AdminRoute = readonly [method: string, path: string, body?: unknown, answer?: z.ZodType];

/** Every route answers 401 (not_authenticated) to `anonymous` and 403 (permission_denied) to `learner`. */
export async function expectAdminOnly(
  routes: readonly AdminRoute[],
  anonymous: TestClient,
  learner: TestClient,
): Promise<void> {
  for (const [method, path, body] of routes) {
    const unknown = await anonymous.request(method, path, { body });
    expect(unknown.status, `anonymous ${method} ${path}`).toBe(401);
    expectShape(errorResponseSchema, unknown.body, `anonymous ${method} ${path}`);
    const denied = await learner.request(method, path, { body });
    expect(denied.status, `learner ${method} ${path}`).toBe(403);
    expect(expectShape(errorResponseSchema, denied.body).error.code).toBe('permission_denied');
  }
}

/**
 * Every route serves `admin` (a 2xx whose body is the route's contract shape), in order, so each
 * route's body may rely on the ones before.
 */
export async function expectServes(
  routes: readonly AdminRoute[],
  admin: TestClient,
  who: string,
): Promise<void> {
  for (const [method, path, body, answer] of routes) {
    const response = await admin.request(method, path, { body });
    expect(response.status, `${who}: ${method} ${path}`).toBeLessThan(300);
    if (answer) expectShape(answer, response.body, `${who}: ${method} ${path}`);
    else expect(response.status, `${who}: ${method} ${path} answers without a body`).toBe(204);
  }
}

/** Every unsafe route refuses `admin` with 403 csrf_failed when the CSRF header is missing or forged. */
export async function expectCsrfRequired(routes: readonly AdminRoute[], admin: TestClient): Promise<void> {
  admin.csrf = false;
  try {
    for (const [method, path, body] of routes.filter(([method]) => method !== 'GET')) {
      const missing = await admin.request(method, path, { body });
      expect(missing.status, `${method} ${path}`).toBe(403);
      expect(expectShape(errorResponseSchema, missing.body).error.code).toBe('csrf_failed');
      const forged = await admin.request(method, path, { body, headers: { 'x-csrftoken': 'forged' } });
      expect(forged.status, `forged header: ${method} ${path}`).toBe(403);
    }
  } finally {
    admin.csrf = true;
  }
}
