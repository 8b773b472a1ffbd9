import { bucketOf, bucketThreshold } from '@waffle-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../src/db/models/index.js';
import { DEMO_ENTERPRISES, seedDemoData } from '../../src/demo-api/demo-seed.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { type DashboardCaller, type DashboardLoadResult, loadDashboard } from '../helpers/dashboard-load.js';
import { megabytes, settledHeapUsed } from '../helpers/heap.js';
import { createSession, signedInClient } from '../helpers/sessions.js';
import type { Json, TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';
import { startWriterLoop, type WriterReport } from '../helpers/writer-loop.js';

/** Two flags the bulk action switches together: every response must show them equal. */
const BULK_PAIR = ['load.pair_a', 'load.pair_b'] as const;
/**
 * Two flags one import rewrites together, global and per-enterprise percentages at once: on is
 * "0% globally, 100% at every demo customer", off the reverse. Equal in every response.
 */
const IMPORT_PAIR = ['load.enterprise_a', 'load.enterprise_b'] as const;
/** The demo's per-enterprise flag (100% Acme, 30% Bluebird, 0% Cedar, 10% elsewhere); nobody writes it. */
const DEMO_FLAG = 'enterprise.dashboard_v2';

/** Who asks for which dashboard: linked learners at each demo customer, and one linked to none. */
const LEARNER_DASHBOARDS = [
  ['alice', 'acme'],
  ['alice', 'bluebird'],
  ['bob', 'bluebird'],
  ['carol', 'cedar'],
  ['dave', null],
] as const;
/** Distinct sessions the load goes through (created directly, not by scrypt logins). */
const SESSIONS = 1_000;
/** The warm-up goes through every session once, so the session cache is full before the baseline. */
const WARM_UP_REQUESTS = SESSIONS;
const RUN_REQUESTS = 1_000;
/**
 * Between two writes of one admin. Back-to-back writes take most of the CPU (each one reloads and
 * compiles the snapshot) and slow the run to a crawl on a busy machine; 100 ms apart is still far
 * busier than any admin page.
 */
const WRITE_PAUSE_MS = 100;
/**
 * Heap growth allowed from the end of run 1 to the end of run 2: the same load over the same
 * sessions. What the server keeps per session (the session fallback cache) is full since the
 * warm-up, so a server that keeps nothing per request comes back to the same heap, give or take
 * V8's own housekeeping (we saw -1.2 to +0.4 MB). 1.5 MB over 1,000 requests catches anything
 * that keeps 1.5 KB or more per request; keeping the request object itself costs about 9 KB.
 */
const STEADY_STATE_GROWTH = 1.5 * 1024 * 1024;

function importBody(on: boolean) {
  return {
    flags: IMPORT_PAIR.map((name) => ({
      name,
      percent: on ? 0 : 100,
      enterprise_percentages: DEMO_ENTERPRISES.map((e) => ({
        enterprise_customer_uuid: e.uuid,
        percent: on ? 100 : 0,
      })),
    })),
  };
}

/** The demo flag's value for a learner at a customer, from its percentages and the learner's bucket. */
function demoFlagExpectations(users: Map<string, number>): Map<string, boolean> {
  const expected = new Map<string, boolean>();
  for (const [username, slug] of LEARNER_DASHBOARDS) {
    const customer = DEMO_ENTERPRISES.find((e) => e.slug === slug);
    const percent = customer ? customer.dashboardPercent : 10;
    const on = bucketOf(DEMO_FLAG, String(users.get(username))) < bucketThreshold(percent);
    expected.set(`${username}:${customer?.uuid ?? null}`, on);
  }
  return expected;
}

/**
 * The learner dashboard under load from autocannon while admins rewrite flag pairs, on one
 * dialect: no failed request, no response with half a change, and no heap that keeps growing.
 */
export function describeLoad(dialect: TestDialect): void {
  describe(`dashboard load on ${dialect}`, () => {
    let app: TestApp;
    let callers: DashboardCaller[];
    let bulkAdmin: TestClient;
    let importAdmin: TestClient;
    let checkBody: (body: Json) => string | null;

    beforeAll(async () => {
      app = await createTestApp({ dialect, captureSql: false });
      await seedDemoData(app.runtime.inTransaction);
      for (const name of BULK_PAIR) await app.build.flag(name, { everyone: false });
      const off = importBody(false).flags[0]!;
      const enterprise = Object.fromEntries(
        off.enterprise_percentages.map((p) => [p.enterprise_customer_uuid, p.percent]),
      );
      for (const name of IMPORT_PAIR) await app.build.flag(name, { percent: off.percent, enterprise });
      bulkAdmin = await signedInClient(app, 'admin');
      importAdmin = await signedInClient(app, 'staff');
      callers = [];
      for (let i = 0; i < SESSIONS; i++) {
        const [username, slug] = LEARNER_DASHBOARDS[i % LEARNER_DASHBOARDS.length]!;
        callers.push({ token: await createSession(app, username), slug });
      }
      const users = new Map((await User.findAll()).map((user) => [user.username, user.id]));
      const demoFlag = demoFlagExpectations(users);
      checkBody = (body) => {
        const features = body.enterprise_features;
        const meta = body.enterprise_features_meta;
        const where = `${meta.username} at ${meta.enterprise_customer_uuid}, version ${meta.version}`;
        for (const [a, b] of [BULK_PAIR, IMPORT_PAIR]) {
          if (typeof features[a] !== 'boolean' || features[a] !== features[b]) {
            return `torn: ${a}=${features[a]} but ${b}=${features[b]} (${where})`;
          }
        }
        const expected = demoFlag.get(`${meta.username}:${meta.enterprise_customer_uuid}`);
        if (features[DEMO_FLAG] !== expected) return `${DEMO_FLAG}=${features[DEMO_FLAG]} (${where})`;
        return null;
      };
    }, 60_000);

    afterAll(async () => {
      await app?.close();
    });

    /** Each write flips its pair, across runs too, so every write is a real change. */
    let bulkOn = false;
    let importOn = false;

    /** One bounded run of the dashboard load while both admin writers loop. */
    async function runWithWriters(amount: number): Promise<[DashboardLoadResult, WriterReport[]]> {
      const writers = [
        startWriterLoop(() => {
          bulkOn = !bulkOn;
          const action = bulkOn ? 'enable_everyone' : 'disable_everyone';
          return bulkAdmin.post('/api/admin/flags/bulk', { action, names: BULK_PAIR });
        }, WRITE_PAUSE_MS),
        startWriterLoop(() => {
          importOn = !importOn;
          return importAdmin.post('/api/admin/import', importBody(importOn));
        }, WRITE_PAUSE_MS),
      ];
      const result = await loadDashboard({ url: app.url, callers, amount, check: checkBody });
      return [result, await Promise.all(writers.map((writer) => writer.stop()))];
    }

    it('serves every dashboard with whole admin changes only, and its heap comes back after each run', async () => {
      const runs: Array<[DashboardLoadResult, WriterReport[]]> = [];
      runs.push(await runWithWriters(WARM_UP_REQUESTS));
      const baseline = await settledHeapUsed();
      runs.push(await runWithWriters(RUN_REQUESTS));
      const afterRun1 = await settledHeapUsed();
      runs.push(await runWithWriters(RUN_REQUESTS));
      const afterRun2 = await settledHeapUsed();

      const total = (pick: (result: DashboardLoadResult) => number) =>
        runs.reduce((sum, [result]) => sum + pick(result), 0);
      const writes = runs.flatMap(([, writers]) => writers);
      const landed = writes.reduce((sum, writer) => sum + writer.landed, 0);
      const p99 = Math.max(...runs.map(([result]) => result.p99));
      console.log(
        `[load] ${dialect}: ${total((r) => r.requests).toLocaleString('en')} requests over ${SESSIONS.toLocaleString('en')} sessions, ` +
          `${total((r) => r.errors)} errors, ${total((r) => r.non2xx)} non-2xx, ${total((r) => r.torn)} torn responses, ${total((r) => r.regressions)} version regressions, ` +
          `p99 ${p99} ms, ${landed} admin writes, heap ${megabytes(baseline)} -> ${megabytes(afterRun1)} after run 1 -> ${megabytes(afterRun2)} after run 2`,
      );
      for (const [result, writers] of runs) {
        expect(result.problems).toEqual([]);
        expect({
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          torn: result.torn,
          regressions: result.regressions,
        }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, torn: 0, regressions: 0 });
        expect(result.checked).toBe(result.requests);
        for (const writer of writers) {
          expect(writer.failures).toEqual([]);
          expect(writer.landed).toBeGreaterThan(0);
        }
      }
      // Every landed write changed both flags of its pair: one audit entry per flag per write.
      const audited = async (name: string) =>
        (await bulkAdmin.get(`/api/admin/audit?object_type=flag&object_name=${name}&limit=1000`)).body.count;
      const landedBy = (writer: number) =>
        runs.reduce((sum, [, writers]) => sum + writers[writer]!.landed, 0);
      for (const name of BULK_PAIR) expect(await audited(name)).toBe(landedBy(0));
      for (const name of IMPORT_PAIR) expect(await audited(name)).toBe(landedBy(1));
      expect(afterRun2 - afterRun1).toBeLessThan(STEADY_STATE_GROWTH);
    }, 90_000);
  });
}
