import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlagModel } from '../src/db/models/index.js';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES, seedDemoData } from '../src/demo-api/demo-seed.js';
import { createTestApp, type TestApp } from './helpers/create-test-app.js';

const DASHBOARD = '/api/v1/bffs/learner/dashboard/';

describe('the demo server (WAFFLE_SEED=demo, WAFFLE_SUPERUSER, built apps)', () => {
  let app: TestApp;
  let apps: string;

  beforeAll(async () => {
    apps = mkdtempSync(join(tmpdir(), 'waffle-apps-'));
    for (const name of ['learner', 'admin']) {
      mkdirSync(join(apps, name));
      writeFileSync(join(apps, name, 'index.html'), `<!doctype html><title>${name} portal</title>`);
      writeFileSync(join(apps, name, 'app.js'), `console.log('${name}')`);
    }
    app = await createTestApp({
      dialect: 'sqlite',
      config: {
        seed: 'demo',
        superuser: { username: 'root', password: 'root-password' },
        learnerPortalDir: join(apps, 'learner'),
        adminPortalDir: join(apps, 'admin'),
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(apps, { recursive: true, force: true });
  });

  it('lets every listed demo account and the WAFFLE_SUPERUSER log in', async () => {
    for (const account of [...DEMO_ACCOUNTS, { username: 'root', password: 'root-password' }]) {
      const response = await app.client().post('/api/auth/login', account);
      expect(response.status, account.username).toBe(200);
    }
    const root = app.client();
    await root.login('root', 'root-password');
    expect((await root.get('/api/auth/me')).body.user).toMatchObject({ is_staff: true, is_superuser: true });
  });

  it('gives the three enterprises different percentages for the same flag', () => {
    const flag = app.runtime.snapshot.state.snapshot.flags.find((f) => f.name === 'enterprise.dashboard_v2');
    const percents = DEMO_ENTERPRISES.map((e) => flag?.enterprisePercentages?.[e.uuid]);

    expect(percents).toEqual([100, 30, 0]);
  });

  it('shows alice her Acme dashboard with enrollments and the flag on', async () => {
    const alice = app.client();
    await alice.login('alice', 'alice-demo');

    const acme = await alice.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
    const list = await alice.get('/enterprise/api/v1/enterprise-learner/');

    expect(acme.body.enterprise_course_enrollments.length).toBeGreaterThan(0);
    expect(acme.body.enterprise_features['enterprise.dashboard_v2']).toBe(true);
    expect(acme.body.enterprise_features['enterprise.beta_group_feature']).toBe(true);
    expect(list.body.count).toBe(2);
  });

  it('loads the demo data only once when the server starts again on the same database', async () => {
    const before = await FlagModel.count();

    await seedDemoData(app.runtime.inTransaction);

    expect(await FlagModel.count()).toBe(before);
  });

  it('serves the built learner portal at / and the admin page at /admin/, with an SPA fallback', async () => {
    const client = app.client();

    const root = await client.get('/', { headers: { accept: 'text/html' } });
    const deepLink = await client.get('/dashboard/acme', { headers: { accept: 'text/html' } });
    const asset = await client.get('/app.js');
    const admin = await client.get('/admin/flags/enterprise.dashboard_v2', {
      headers: { accept: 'text/html' },
    });
    const unknownApi = await client.get('/api/nothing-here');

    expect(root.body).toContain('learner portal');
    expect(deepLink.body).toContain('learner portal');
    expect(asset.body).toBe("console.log('learner')");
    expect(admin.body).toContain('admin portal');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.body.error.code).toBe('not_found');
  });
});
