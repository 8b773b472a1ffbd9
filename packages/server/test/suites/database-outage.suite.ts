import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer } from '../../src/db/models/index.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import type { TestApp } from '../helpers/create-test-app.js';
import type { DatabaseFault } from '../helpers/database-faults.js';
import { runCli } from '../helpers/run-cli.js';
import type { Json, TestClient, TestResponse } from '../helpers/test-client.js';

const DASHBOARD = '/api/v1/bffs/learner/dashboard/';
const LEARNER_LIST = '/enterprise/api/v1/enterprise-learner/';
const FAULTS = 3;
const LEARNER_REQUESTS_PER_FAULT = 60;
const ADMIN_WRITES_PER_FAULT = 8;
const ADMIN_READS_PER_FAULT = 4;
const LOGINS_PER_FAULT = 2;
/** Longer than any bounded wait of the server (5 s connect/acquire): an abort here is a hang. */
const HANG = 20_000;
/** How long recovery may take before the test gives up (a bound, not an assertion). */
const RECOVERY_LIMIT_MS = 30_000;

export interface OutageSubject {
  readonly app: TestApp;
  readonly fault: DatabaseFault;
  /** How a change by another process reaches this server (for the figures line). */
  readonly propagation: string;
}

/** A request that must answer (any status) before `HANG`; an abort fails the test as a hang. */
function bounded(
  client: TestClient,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  return client.request(method, path, { body, headers, signal: AbortSignal.timeout(HANG) });
}

/** The flags part of a learner response: what must not change while the database is away. */
function flagsOf(response: TestResponse) {
  return {
    features: response.body?.enterprise_features,
    byCustomer: response.body?.enterprise_features_by_customer,
    version: response.body?.enterprise_features_meta?.version,
  };
}

async function learnerBaseline(learner: TestClient) {
  const dashboard = await bounded(learner, 'POST', DASHBOARD, { enterprise_customer_slug: 'acme' });
  const list = await bounded(learner, 'GET', LEARNER_LIST);
  expect(dashboard.status).toBe(200);
  expect(list.status).toBe(200);
  return {
    dashboard: flagsOf(dashboard),
    list: flagsOf(list),
    enrollments: dashboard.body.enterprise_course_enrollments,
  };
}

/** Runs `tasks` with at most `width` of them in flight. */
async function inParallel<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

async function waitForAdminApi(admin: TestClient): Promise<void> {
  const deadline = Date.now() + RECOVERY_LIMIT_MS;
  for (;;) {
    const response = await bounded(admin, 'GET', '/api/admin/flags');
    if (response.status === 200) return;
    if (Date.now() > deadline) throw new Error(`the admin API did not recover: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The database goes away and comes back, `FAULTS` times: learners keep getting 200 with the last
 * good flags, admin reads and writes get a bounded 503 in the error shape, nothing written
 * before is lost, and afterwards writes work and a change by another process arrives.
 */
export function describeDatabaseOutage(label: string, open: () => Promise<OutageSubject>): void {
  describe(`${label}: the database goes away and comes back`, () => {
    let subject: OutageSubject;
    let acme: EnterpriseCustomer;

    beforeAll(async () => {
      subject = await open();
      const { build } = subject.app;
      acme = await build.enterprise('acme', 'Acme');
      const lina = await build.user({ username: 'lina', linkedTo: [acme.uuid] });
      await build.user({ username: 'ada', isStaff: true });
      await build.enrollment(lina, acme, 'course-v1:Acme+A1+2026');
      await build.flag('always.on', { everyone: true });
      await build.flag('acme.rollout', { percent: 0, enterprise: { [acme.uuid]: 100 } });
      await build.flag('recovery.cli', { everyone: false });
    }, 60_000);

    afterAll(async () => {
      await subject?.app.close();
    });

    it('keeps learners at 200 with the last good flags, answers admins and logins 503, and recovers without losing a row', async () => {
      const { app, fault } = subject;
      const learner = app.client();
      await learner.login('lina', TEST_PASSWORD);
      const admin = app.client();
      await admin.login('ada', TEST_PASSWORD);
      for (let i = 0; i < 5; i++) {
        const created = await bounded(admin, 'POST', '/api/admin/flags', {
          name: `kept.flag_${i}`,
          percent: i * 10,
        });
        expect(created.status).toBe(201);
      }

      let learnerRequests = 0;
      let adminWrites = 0;
      let adminReads = 0;
      let logins = 0;
      let rowsLost = 0;
      const versions: number[] = [];
      for (let f = 0; f < FAULTS; f++) {
        const baseline = await learnerBaseline(learner);
        const flagsBefore = (await bounded(admin, 'GET', '/api/admin/flags')).body.results;
        const auditBefore = (await bounded(admin, 'GET', '/api/admin/audit?limit=1000')).body.count;
        const kept = (await bounded(admin, 'GET', '/api/admin/flags/kept.flag_0')).body;

        await fault.inject();
        // The snapshot tries to reload while the database is away: it must keep the last good state.
        await app.runtime.sync.refresh();
        const learnerTasks = Array.from({ length: LEARNER_REQUESTS_PER_FAULT }, (_, i) => async () => ({
          kind: i % 2 === 0 ? 'dashboard' : 'list',
          response:
            i % 2 === 0
              ? await bounded(learner, 'POST', DASHBOARD, { enterprise_customer_slug: 'acme' })
              : await bounded(learner, 'GET', LEARNER_LIST),
        }));
        const writeTasks = Array.from({ length: ADMIN_WRITES_PER_FAULT }, (_, i) => async () => ({
          kind: 'write',
          response:
            i % 2 === 0
              ? await bounded(admin, 'POST', '/api/admin/flags', {
                  name: `outage.f${f}_${i}`,
                  everyone: true,
                })
              : await bounded(
                  admin,
                  'PATCH',
                  '/api/admin/flags/kept.flag_0',
                  { note: `outage ${f}` },
                  {
                    'If-Match': String(kept.version),
                  },
                ),
        }));
        const readTasks = Array.from({ length: ADMIN_READS_PER_FAULT }, (_, i) => async () => ({
          kind: 'read',
          response: await bounded(admin, 'GET', i % 2 === 0 ? '/api/admin/flags' : '/api/admin/audit'),
        }));
        // Login needs the database for the user and for counting the failure: 503, never a 500.
        const loginTasks = Array.from({ length: LOGINS_PER_FAULT }, (_, i) => async () => ({
          kind: 'login',
          response: await bounded(app.client(), 'POST', '/api/auth/login', {
            username: 'lina',
            password: i % 2 === 0 ? TEST_PASSWORD : 'wrong guess',
          }),
        }));
        const outcomes = await inParallel([...writeTasks, ...readTasks, ...loginTasks, ...learnerTasks], 6);
        await fault.restore();

        for (const { kind, response } of outcomes) {
          if (kind === 'dashboard' || kind === 'list') {
            learnerRequests++;
            expect(response.status, `${kind} during outage ${f}`).toBe(200);
            expect(flagsOf(response)).toEqual(kind === 'dashboard' ? baseline.dashboard : baseline.list);
            if (kind === 'dashboard')
              expect(response.body.enterprise_course_enrollments).toEqual(baseline.enrollments);
          } else {
            if (kind === 'write') adminWrites++;
            else if (kind === 'read') adminReads++;
            else logins++;
            expect(response.status, `${kind} during outage ${f}: ${JSON.stringify(response.body)}`).toBe(503);
            expect(response.body.error.code).toBe('database_unavailable');
            expect(response.headers.get('retry-after')).toBe('5');
          }
        }
        versions.push(baseline.dashboard.version);

        await waitForAdminApi(admin);
        const flagsAfter = (await bounded(admin, 'GET', '/api/admin/flags')).body.results as Json[];
        const byName = new Map(flagsAfter.map((flag) => [flag.name, flag]));
        rowsLost += flagsBefore.filter(
          (flag: Json) => JSON.stringify(byName.get(flag.name)) !== JSON.stringify(flag),
        ).length;
        expect(flagsAfter).toEqual(flagsBefore);
        expect((await bounded(admin, 'GET', '/api/admin/audit?limit=1000')).body.count).toBe(auditBefore);

        // A write after recovery works, and this process's learners see it at once.
        const patched = await bounded(admin, 'PATCH', '/api/admin/flags/always.on', {
          everyone: f % 2 === 1,
        });
        expect(patched.status).toBe(200);
        const seen = await bounded(learner, 'POST', DASHBOARD, { enterprise_customer_slug: 'acme' });
        expect(seen.body.enterprise_features['always.on']).toBe(f % 2 === 1);
        expect(seen.body.enterprise_features_meta.version).toBeGreaterThan(baseline.dashboard.version);
      }

      // A change by another process (the CLI) after recovery reaches this server's learners.
      const cli = await runCli(app.database.url, ['flag', 'recovery.cli', '--everyone']);
      expect(cli.status, cli.stderr).toBe(0);
      const start = performance.now();
      let visible = false;
      while (!visible && performance.now() - start < RECOVERY_LIMIT_MS) {
        const response = await bounded(learner, 'POST', DASHBOARD, { enterprise_customer_slug: 'acme' });
        visible = response.body.enterprise_features['recovery.cli'] === true;
        if (!visible) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const visibleMs = Math.round(performance.now() - start);
      expect(visible, 'a change by another process after recovery reaches the server').toBe(true);

      console.log(
        `[faults] ${label}: ${FAULTS} faults injected (${fault.description}), ${learnerRequests} learner requests during outage all 200 with versions ${versions.join('/')}, ${adminWrites} admin writes -> 503, ${adminReads} admin reads -> 503, ${logins} logins -> 503, recovery: ${rowsLost} rows lost, another process's write visible in ${visibleMs} ms (${subject.propagation})`,
      );
    }, 180_000);
  });
}
