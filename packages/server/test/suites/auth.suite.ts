import { errorResponseSchema, loginResponseSchema, meResponseSchema } from '@waffle-kit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { expectShape } from '../helpers/expect-shape.js';
import type { TestDialect } from '../helpers/test-database.js';

/** Login, sessions, CSRF and login rate limiting over the real HTTP server. */
export function describeAuth(dialect: TestDialect): void {
  describe(`auth on ${dialect}`, () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      const acme = await app.build.enterprise('acme');
      await app.build.user({ username: 'lina', groups: ['beta'], linkedTo: [acme.uuid], language: 'fr' });
      await app.build.user({ username: 'mallory' });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('logs in with an HttpOnly SameSite=Lax session cookie and a csrftoken cookie, and me shows the user', async () => {
      const client = app.client();

      const login = await client.post('/api/auth/login', { username: 'lina', password: TEST_PASSWORD });
      const me = await client.get('/api/auth/me');

      expect(login.status).toBe(200);
      expect(login.setCookies.get('waffle_session')).toMatch(/HttpOnly/);
      expect(login.setCookies.get('waffle_session')).toMatch(/SameSite=Lax/);
      expect(login.setCookies.get('csrftoken')).not.toMatch(/HttpOnly/);
      expect(me.status).toBe(200);
      const { user } = expectShape(meResponseSchema, me.body);
      expect(user).toMatchObject({ username: 'lina', groups: ['beta'], language: 'fr', is_staff: false });
      expect(user.linked_enterprise_customer_uuids).toHaveLength(1);
      expect(expectShape(loginResponseSchema, login.body).user).toEqual(user);
    });

    it('answers 401 in the error shape to me without a session and to a wrong password', async () => {
      const client = app.client();

      const me = await client.get('/api/auth/me');
      const wrong = await client.post('/api/auth/login', { username: 'lina', password: 'nope' });
      const missing = await client.post('/api/auth/login', { username: 'lina' });

      expect(me.status).toBe(401);
      expect(me.body).toEqual({ error: { code: 'not_authenticated', message: expect.any(String) } });
      expect(wrong.status).toBe(401);
      expect(expectShape(errorResponseSchema, wrong.body).error.code).toBe('invalid_credentials');
      expect(missing.status).toBe(400);
      expect(expectShape(errorResponseSchema, missing.body).error.fields).toEqual({
        password: 'Enter a password.',
      });
    });

    it('refuses an unsafe request whose X-CSRFToken header is missing or wrong', async () => {
      const client = app.client();
      await client.login('lina', TEST_PASSWORD);

      client.csrf = false;
      const missing = await client.post('/api/v1/bffs/learner/dashboard/', {});
      const wrong = await client.post(
        '/api/v1/bffs/learner/dashboard/',
        {},
        { headers: { 'x-csrftoken': 'forged' } },
      );
      client.csrf = true;
      const right = await client.post('/api/v1/bffs/learner/dashboard/', {});

      expect(missing.status).toBe(403);
      expect(missing.body.error.code).toBe('csrf_failed');
      expect(wrong.status).toBe(403);
      expect(right.status).toBe(200);
    });

    it('ends the session on logout', async () => {
      const client = app.client();
      const token = await client.login('lina', TEST_PASSWORD);

      const logout = await client.post('/api/auth/logout');
      const me = await client.get('/api/auth/me');
      const reused = await app
        .client()
        .get('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });

      expect(logout.status).toBe(204);
      expect(me.status).toBe(401);
      expect(reused.status).toBe(401);
    });

    it('refuses logins for a username after five failures, even with the right password', async () => {
      const client = app.client();
      for (let i = 0; i < 5; i++) {
        expect(
          (await client.post('/api/auth/login', { username: 'mallory', password: 'guess' })).status,
        ).toBe(401);
      }

      const blocked = await client.post('/api/auth/login', { username: 'mallory', password: TEST_PASSWORD });

      expect(blocked.status).toBe(429);
      expect(expectShape(errorResponseSchema, blocked.body).error.code).toBe('rate_limited');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
}
