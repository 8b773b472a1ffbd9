import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './create-test-app.js';
import type { TestClient } from './test-client.js';
import type { TestDialect } from './test-database.js';

export interface DemoApp {
  readonly app: TestApp;
  /** Logged in as the demo superuser `admin`. */
  readonly admin: TestClient;
  /** Logged in as the demo learner `alice` (Acme and Bluebird). */
  readonly learner: TestClient;
}

/** The real server over the demo data, with an admin and a learner logged in. */
export async function openDemoApp(dialect: TestDialect): Promise<DemoApp> {
  const app = await createTestApp({ dialect, config: { seed: 'demo' } });
  try {
    const admin = app.client();
    await admin.login('admin', 'admin-demo');
    const learner = app.client();
    await learner.login('alice', 'alice-demo');
    return { app, admin, learner };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/**
 * Opens the demo app before the tests of the enclosing `describe` and closes it after them. Read
 * `app`, `admin` and `learner` from the result inside hooks and tests, not while declaring them.
 *
 * @example
 * const demo = useDemoApp(dialect);
 * it('...', async () => expect((await demo.admin.get('/api/admin/flags')).status).toBe(200));
 */
export function useDemoApp(dialect: TestDialect): DemoApp {
  let opened: DemoApp | undefined;
  beforeAll(async () => {
    opened = await openDemoApp(dialect);
  });
  afterAll(async () => {
    await opened?.app.close();
  });
  const current = (): DemoApp => {
    if (!opened) throw new Error('useDemoApp: the demo app is not open yet; read it inside a test or hook.');
    return opened;
  };
  return {
    get app() {
      return current().app;
    },
    get admin() {
      return current().admin;
    },
    get learner() {
      return current().learner;
    },
  };
}
