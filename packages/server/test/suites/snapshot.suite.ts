import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer } from '../../src/db/models/index.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { adminQuery, type TestDialect } from '../helpers/test-database.js';

const DASHBOARD = '/api/v1/bffs/learner/dashboard/';
/** Tables that hold flag state: a statement naming one of them reads (or writes) flags. */
const FLAG_STATE = /\bwaffle_(flags|flag_users|flag_groups|enterprise_flag_percentages|switches|samples)\b/;

/**
 * The in-memory snapshot over the real HTTP server: no flag reads per request, and the last good
 * flags when the database goes away.
 */
export function describeSnapshot(dialect: TestDialect): void {
  describe(`flag snapshot on ${dialect}`, () => {
    let app: TestApp;
    let acme: EnterpriseCustomer;

    beforeAll(async () => {
      app = await createTestApp({ dialect, pollIntervalMs: 100 });
      acme = await app.build.enterprise('acme');
      await app.build.user({ username: 'lina', linkedTo: [acme.uuid] });
      await app.build.flag('always.on', { everyone: true });
      await app.build.flag('acme.rollout', { percent: 0, enterprise: { [acme.uuid]: 100 } });
      for (let i = 0; i < 20; i++) await app.build.flag(`bulk.flag_${i}`, { percent: 40, groups: [] });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('issues no statement that reads flag state while serving 100 dashboard requests after warm-up', async () => {
      const client = app.client();
      await client.login('lina', TEST_PASSWORD);
      for (let i = 0; i < 5; i++) await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      app.sql.length = 0;

      const responses = [];
      for (let i = 0; i < 100; i++) {
        responses.push(await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' }));
      }
      const servingSql = app.sql.splice(0);
      if (process.env.WAFFLE_TEST_TIMINGS) {
        console.log({ dialect, statementsFor100Requests: servingSql.length, sample: servingSql.slice(0, 5) });
      }
      await app.runtime.sync.refresh();
      const reloadSql = app.sql.splice(0);

      expect(
        responses.every((r) => r.status === 200 && r.body.enterprise_features['acme.rollout'] === true),
      ).toBe(true);
      expect(servingSql.length).toBeGreaterThan(0); // the counter sees the session and enrollment queries
      expect(servingSql.filter((sql) => FLAG_STATE.test(sql))).toEqual([]);
      // Identity is one statement per request (session row and version), the user comes from the cache.
      const identity = servingSql.filter((sql) => sql.includes('FROM waffle_sessions'));
      expect(identity.length).toBe(100);
      expect(servingSql.filter((sql) => sql.includes('waffle_users')).length).toBe(0);
      // Apart from it only the cheap version poll touches the snapshot's tables, and not once per request.
      const versionChecks = servingSql.filter(
        (sql) => sql.includes('waffle_snapshot_version') && !sql.includes('waffle_sessions'),
      );
      expect(versionChecks.length).toBeLessThan(100);
      expect(reloadSql.filter((sql) => FLAG_STATE.test(sql)).length).toBeGreaterThanOrEqual(6);
    });

    it('keeps serving the last good flags with status 200 when the database goes away, and logs it', async () => {
      const browser = app.client();
      await browser.login('lina', TEST_PASSWORD);
      const anonymous = app.client();
      const before = await anonymous.get('/waffle_status');
      const learnerBefore = await browser.get(`/waffle_status?enterprise_customer_uuid=${acme.uuid}`);

      await cutOffDatabase(app, dialect);
      await app.runtime.sync.check();
      await app.runtime.sync.refresh();
      const after = await anonymous.get('/waffle_status');
      const learnerAfter = await browser.get(`/waffle_status?enterprise_customer_uuid=${acme.uuid}`);

      expect(after.status).toBe(200);
      expect(after.body.enterprise_features).toEqual(before.body.enterprise_features);
      expect(after.body.enterprise_features['always.on']).toBe(true);
      expect(after.body.enterprise_features_meta.version).toBe(before.body.enterprise_features_meta.version);
      expect(learnerAfter.status).toBe(200);
      expect(learnerAfter.body.enterprise_features).toEqual(learnerBefore.body.enterprise_features);
      expect(learnerAfter.body.enterprise_features['acme.rollout']).toBe(true);
      const errors = app.logs.filter((entry) => entry.level === 'error');
      expect(errors.map((entry) => entry.message)).toContain(
        'flag snapshot: database unreachable, serving the last good snapshot',
      );
      expect(errors.filter((e) => e.message.startsWith('flag snapshot')).length).toBe(1);
    });
  });
}

/**
 * SQLite: close every connection the server has. Postgres: refuse new connections to the test
 * database and kill the open ones (the pool cannot reconnect).
 */
async function cutOffDatabase(app: TestApp, dialect: TestDialect): Promise<void> {
  if (dialect === 'sqlite') {
    await app.runtime.sequelize.close();
    return;
  }
  await adminQuery(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS false`);
  await adminQuery(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${app.database.name}' AND pid <> pg_backend_pid()`,
  );
}
