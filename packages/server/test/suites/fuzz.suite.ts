import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedTables, type DatabaseDump, dumpDatabase } from '../helpers/database-dump.js';
import { useDemoApp } from '../helpers/demo-app.js';
import { FUZZ_ROUTE_COUNT, type FuzzCase, fuzzCase } from '../helpers/fuzz-cases.js';
import { isErrorShape, type RawResponse, rawRequest } from '../helpers/raw-request.js';
import type { TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

/** Cases per dialect and the seed; `WAFFLE_FUZZ_RUNS` / `WAFFLE_FUZZ_SEED` for a longer or another run. */
const RUNS = Number(process.env.WAFFLE_FUZZ_RUNS) || 1000;
const SEED = Number(process.env.WAFFLE_FUZZ_SEED) || 20_261_121;

/**
 * Audit entries a successful write must add: one, or one per flag changed (bulk), or one per
 * change (import), or one for a deleted flag set and one for each flag it took out of the set.
 */
function expectedAuditEntries(
  c: FuzzCase,
  response: RawResponse,
  before: DatabaseDump,
  after: DatabaseDump,
): number {
  const body = response.json as { count?: number; created?: number; updated?: number };
  if (c.route === 'POST /api/admin/import') return (body.created ?? 0) + (body.updated ?? 0);
  if (c.route === 'POST /api/admin/flags/bulk') return body.count ?? -1;
  if (c.route === 'DELETE /api/admin/flag-sets/:name') {
    const members = (dump: DatabaseDump) => dump.waffle_flag_set_members?.length ?? 0;
    return 1 + members(before) - members(after);
  }
  return 1;
}

const isAdminWrite = (c: FuzzCase) => c.route.includes(' /api/admin/') && c.method !== 'GET';
const brief = (c: FuzzCase, response: RawResponse) =>
  JSON.stringify({ ...c, body: c.body?.slice(0, 300), answer: response.text.slice(0, 300) });

/**
 * Property-based fuzzing of every admin route, the learner routes and auth (fast-check), over the
 * real server: never a 5xx; every 4xx in the error shape with the database unchanged (every
 * table, row for row); every 2xx write with its audit entries; no prototype pollution.
 */
export function describeFuzz(dialect: TestDialect): void {
  describe(`hostile input on ${dialect}`, () => {
    const demo = useDemoApp(dialect);

    /** The sender of a case; login and logout get a fresh browser so the fuzz keeps its sessions. */
    const clientFor = (c: FuzzCase): TestClient | null => {
      if (c.route.startsWith('POST /api/auth/')) {
        const fresh = demo.app.client();
        fresh.cookies.set('csrftoken', 'fuzz-csrf');
        return fresh;
      }
      return c.as === 'admin' ? demo.admin : c.as === 'learner' ? demo.learner : null;
    };

    it.each([
      ['a body over the 1 MB limit', 'POST', '/api/admin/flags', {}, 'x', 413, 'payload_too_large'],
      ['an import over the 1 MB limit', 'POST', '/api/admin/import', {}, 'x', 413, 'payload_too_large'],
      [
        'a learner body over the 1 MB limit',
        'POST',
        '/api/v1/bffs/learner/dashboard/',
        {},
        'x',
        413,
        'payload_too_large',
      ],
      [
        'a charset other than UTF-8',
        'POST',
        '/api/admin/flags',
        { 'content-type': 'application/json; charset=latin1' },
        '{}',
        415,
        'unsupported_charset',
      ],
      [
        'an unknown content encoding',
        'POST',
        '/api/admin/flags',
        { 'content-encoding': 'bogus' },
        '{}',
        415,
        'unsupported_encoding',
      ],
      [
        'a gzip body that is not gzip',
        'PATCH',
        '/api/admin/switches/enterprise.emails_enabled',
        { 'content-encoding': 'gzip' },
        '{}',
        400,
        'bad_request',
      ],
      [
        'a body that is not JSON',
        'PUT',
        '/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/x',
        {},
        '{"percent":',
        400,
        'invalid_json',
      ],
    ])(
      'answers %s in the error shape (%s %s) and changes nothing',
      async (_label, method, path, headers, text, status, code) => {
        const body = text === 'x' ? JSON.stringify({ name: 'too.big', note: 'x'.repeat(1_100_000) }) : text;
        const before = await dumpDatabase(demo.app.runtime.sequelize);
        const response = await rawRequest(
          demo.app.url,
          method === 'POST' && path.includes('learner') ? demo.learner : demo.admin,
          {
            method,
            path,
            headers: { 'content-type': 'application/json', ...headers },
            body,
          },
        );
        expect(response.status, response.text).toBe(status);
        expect(isErrorShape(response.json), response.text).toBe(true);
        expect((response.json as { error: { code: string } }).error.code).toBe(code);
        expect(await dumpDatabase(demo.app.runtime.sequelize)).toEqual(before);
      },
    );

    it('answers every hostile request below 500, every 4xx in the error shape with nothing changed, every 2xx write audited', {
      timeout: 60_000 + RUNS * 200,
    }, async () => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
      const statuses: Record<number, number> = {};
      const routes = new Set<string>();
      let cases = 0;
      let serverErrors = 0;
      let partialWrites = 0;
      let before: DatabaseDump = await dumpDatabase(demo.app.runtime.sequelize);

      await fc.assert(
        fc.asyncProperty(fuzzCase, async (c) => {
          const response = await rawRequest(demo.app.url, clientFor(c), c);
          const after = await dumpDatabase(demo.app.runtime.sequelize);
          const changed = changedTables(before, after);
          const auditAdded = (after.waffle_audit_log?.length ?? 0) - (before.waffle_audit_log?.length ?? 0);
          const expectedAudit = isAdminWrite(c) ? expectedAuditEntries(c, response, before, after) : 0;
          before = after;
          cases++;
          routes.add(c.route);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          const what = brief(c, response);

          // createTestApp runs the server in this process: a polluting request shows here at once.
          expect(
            Object.getOwnPropertyNames(Object.prototype).sort(),
            `polluted Object.prototype: ${what}`,
          ).toEqual(prototypeKeys);
          if (response.status >= 500) serverErrors++;
          expect(response.status, `5xx for ${what}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(isErrorShape(response.json), `4xx not in the error shape: ${what}`).toBe(true);
            // A wrong password is not bad input: the failed login is counted (and only that).
            const counted = response.status === 401 && c.route === 'POST /api/auth/login';
            expect(changed, `4xx changed the database: ${what}`).toEqual(
              counted ? ['waffle_login_failures'] : [],
            );
          } else if (isAdminWrite(c)) {
            if (auditAdded !== expectedAudit) partialWrites++;
            expect(auditAdded, `2xx write without its audit entries: ${what}`).toBe(expectedAudit);
          } else {
            // Reads write nothing; a successful login writes its session row and forgets its
            // counted failures (and only that).
            const allowed =
              c.route === 'POST /api/auth/login' ? ['waffle_login_failures', 'waffle_sessions'] : [];
            expect(
              changed.filter((table) => !allowed.includes(table)),
              `a read wrote: ${what}`,
            ).toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );

      const list = Object.entries(statuses)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ');
      console.log(
        `[fuzz] ${dialect}: ${cases.toLocaleString('en')} cases over ${routes.size} routes, ${serverErrors} 5xx, ` +
          `${partialWrites} partial writes, statuses {${list}}, seed ${SEED} (WAFFLE_FUZZ_SEED), runs ${RUNS} (WAFFLE_FUZZ_RUNS)`,
      );
      expect(routes.size).toBe(FUZZ_ROUTE_COUNT);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).is_superuser).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}
