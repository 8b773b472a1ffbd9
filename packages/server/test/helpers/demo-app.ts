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
