import { User } from '../../src/db/models/index.js';
import { TEST_PASSWORD } from './builders.js';
import type { TestApp } from './create-test-app.js';
import type { TestClient } from './test-client.js';

/** Any value works for the double-submit check as long as cookie and header agree. */
const CSRF_TOKEN = 'test-csrf-token';

/**
 * A fresh session for `username`, made by the server's own session store: what a login makes,
 * without paying scrypt for each one (load tests need thousands).
 */
export async function createSession(app: TestApp, username: string): Promise<string> {
  const user = await User.findOne({ where: { username }, rejectOnEmpty: true });
  return app.runtime.sessions.create(user.id);
}

/** Headers of a browser's JSON POST with this session: cookie, matching CSRF header, content type. */
export function sessionHeaders(token: string): Record<string, string> {
  return {
    cookie: `waffle_session=${token}; csrftoken=${CSRF_TOKEN}`,
    'x-csrftoken': CSRF_TOKEN,
    'content-type': 'application/json',
    accept: 'application/json',
  };
}

/** A `TestClient` signed in as `username` through `createSession`. */
export async function signedInClient(app: TestApp, username: string): Promise<TestClient> {
  const client = app.client();
  client.cookies.set('waffle_session', await createSession(app, username));
  client.cookies.set('csrftoken', CSRF_TOKEN);
  return client;
}

/** A `TestClient` signed in as `username` through the real login route (a builder's user by default). */
export async function loggedInClient(
  app: TestApp,
  username: string,
  password = TEST_PASSWORD,
): Promise<TestClient> {
  const client = app.client();
  await client.login(username, password);
  return client;
}
