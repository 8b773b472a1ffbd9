import {
  auditListResponseSchema,
  enterpriseLearnerResponseSchema,
  errorResponseSchema,
  flagBulkResponseSchema,
  flagDetailSchema,
  flagListResponseSchema,
  flagSchema,
  flagSetListResponseSchema,
  flagSetSchema,
  flagStateDumpSchema,
  importSummarySchema,
  learnerDashboardResponseSchema,
  waffleStatusResponseSchema,
} from '@waffle-kit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer } from '../../src/db/models/index.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { expectShape } from '../helpers/expect-shape.js';
import { runCli } from '../helpers/run-cli.js';
import { loggedInClient } from '../helpers/sessions.js';
import type { TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const ADMIN = '/api/admin';
const LEARNER_LIST = '/enterprise/api/v1/enterprise-learner/';
const names = (body: { results: Array<{ name: string }> }) => body.results.map((item) => item.name);
/** The flag of a response, checked against the contract. */
const flagOf = (response: { body: unknown }) => expectShape(flagSchema, response.body);
const detailOf = (response: { body: unknown }) => expectShape(flagDetailSchema, response.body);
const keys = (values: Record<string, boolean> | undefined) => Object.keys(values ?? {}).sort();

/** Flag sets: their admin API, membership through every write path, and evaluation of a set only. */
export function describeFlagSets(dialect: TestDialect): void {
  describe(`flag sets on ${dialect}`, () => {
    let app: TestApp;
    let acme: EnterpriseCustomer;
    let staff: TestClient;

    /** Everything a flag-set request could have changed, to prove a rejected one changed nothing. */
    const databaseState = async () => ({
      flags: (await staff.get(`${ADMIN}/flags`)).body,
      sets: (await staff.get(`${ADMIN}/flag-sets`)).body,
      audit: (await staff.get(`${ADMIN}/audit`)).body.count,
      version: app.runtime.snapshot.version,
    });

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      acme = await app.build.enterprise('acme');
      await app.build.user({ username: 'sam', isStaff: true });
      await app.build.user({ username: 'lina', linkedTo: [acme.uuid] });
      staff = await loggedInClient(app, 'sam');
    });

    afterAll(async () => {
      await app?.close();
    });

    it('creates, reads, renotes and deletes a set, audited, with 409 for a stale If-Match', async () => {
      const created = await staff.post(`${ADMIN}/flag-sets`, { name: 'crud-set', note: 'first' });
      expect(created.status).toBe(201);
      expect(expectShape(flagSetSchema, created.body)).toMatchObject({
        name: 'crud-set',
        note: 'first',
        version: 1,
      });
      expect(
        names(expectShape(flagSetListResponseSchema, (await staff.get(`${ADMIN}/flag-sets`)).body)),
      ).toContain('crud-set');

      const path = `${ADMIN}/flag-sets/crud-set`;
      const patched = await staff.request('PATCH', path, {
        body: { note: 'second' },
        headers: { 'If-Match': '1' },
      });
      expect(expectShape(flagSetSchema, patched.body)).toMatchObject({ note: 'second', version: 2 });
      const stale = await staff.request('PATCH', path, {
        body: { note: 'lost' },
        headers: { 'If-Match': '1' },
      });
      expect(stale.status).toBe(409);
      expectShape(errorResponseSchema, stale.body);
      expect(expectShape(flagSetSchema, (await staff.get(path)).body).note).toBe('second');

      expect((await staff.request('DELETE', path)).status).toBe(204);
      expect((await staff.get(path)).status).toBe(404);
      const audit = expectShape(
        auditListResponseSchema,
        (await staff.get(`${ADMIN}/audit?object_type=flag_set&object_name=crud-set`)).body,
      ).results;
      expect(audit.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
      expect(expectShape(flagSetSchema, audit[2]!.after)).toEqual(created.body);
    });

    it('refuses a bad or duplicate set name with the error shape and writes nothing', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'taken-set' });
      const before = await databaseState();
      for (const body of [
        { name: 'has space' },
        { name: '' },
        { name: 'taken-set' },
        { name: 'x', extra: 1 },
      ]) {
        const response = await staff.post(`${ADMIN}/flag-sets`, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        const { error } = expectShape(errorResponseSchema, response.body);
        expect(error.code).toBe('validation_error');
        expect(error.fields).toBeDefined();
      }
      expect(await databaseState()).toEqual(before);
    });

    it('writes membership through POST and PATCH of a flag, shows it as `sets`, and filters by set', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'portal' });
      await staff.post(`${ADMIN}/flag-sets`, { name: 'admin' });

      const created = await staff.post(`${ADMIN}/flags`, { name: 'member.one', sets: ['portal', 'admin'] });
      expect(created.status).toBe(201);
      expect(flagOf(created).sets).toEqual(['admin', 'portal']);
      const patched = await staff.request('PATCH', `${ADMIN}/flags/member.one`, {
        body: { sets: ['admin'] },
      });
      expect(flagOf(patched).sets).toEqual(['admin']);
      await staff.post(`${ADMIN}/flags`, { name: 'member.two', sets: ['portal'] });

      const portal = expectShape(flagListResponseSchema, (await staff.get(`${ADMIN}/flags?set=portal`)).body);
      expect(names(portal)).toEqual(['member.two']);
      expect(names((await staff.get(`${ADMIN}/flags?set=admin`)).body)).toEqual(['member.one']);
      const unknownSet = await staff.get(`${ADMIN}/flags?set=no-such-set`);
      expect(unknownSet.status).toBe(404);
      expectShape(errorResponseSchema, unknownSet.body);
      const badSet = await staff.get(`${ADMIN}/flags?set=bad%20name`);
      expect(badSet.status).toBe(400);
      expectShape(errorResponseSchema, badSet.body);
      const audit = expectShape(
        auditListResponseSchema,
        (await staff.get(`${ADMIN}/audit?object_type=flag&object_name=member.one`)).body,
      ).results;
      expect(expectShape(flagSchema, audit[0]!.before).sets).toEqual(['admin', 'portal']);
      expect(expectShape(flagSchema, audit[0]!.after).sets).toEqual(['admin']);
    });

    it('refuses a flag that names an unknown set and writes nothing', async () => {
      const before = await databaseState();

      const create = await staff.post(`${ADMIN}/flags`, {
        name: 'ghost.member',
        sets: ['portal', 'ghost-set'],
      });
      const patch = await staff.request('PATCH', `${ADMIN}/flags/member.two`, {
        body: { sets: ['ghost-set'] },
      });

      for (const response of [create, patch]) {
        expect(response.status).toBe(400);
        expect(expectShape(errorResponseSchema, response.body).error.fields?.sets).toBe(
          'Unknown flag set: ghost-set.',
        );
      }
      expect(await databaseState()).toEqual(before);
    });

    it('adds flags to a set and takes them out in bulk, keeping their other sets, all or nothing', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'bulk-set' });
      await staff.post(`${ADMIN}/flags`, { name: 'bulk.a', sets: ['admin'] });
      await staff.post(`${ADMIN}/flags`, { name: 'bulk.b' });

      const added = await staff.post(`${ADMIN}/flags/bulk`, {
        action: 'add_to_set',
        names: ['bulk.a', 'bulk.b'],
        set: 'bulk-set',
      });
      expect(expectShape(flagBulkResponseSchema, added.body)).toEqual({ action: 'add_to_set', count: 2 });
      expect(detailOf(await staff.get(`${ADMIN}/flags/bulk.a`)).sets).toEqual(['admin', 'bulk-set']);
      expect(names((await staff.get(`${ADMIN}/flags?set=bulk-set`)).body)).toEqual(['bulk.a', 'bulk.b']);

      await staff.post(`${ADMIN}/flags/bulk`, {
        action: 'remove_from_set',
        names: ['bulk.a'],
        set: 'bulk-set',
      });
      expect(detailOf(await staff.get(`${ADMIN}/flags/bulk.a`)).sets).toEqual(['admin']);

      const before = await databaseState();
      for (const body of [
        { action: 'add_to_set', names: ['bulk.a', 'bulk.b'], set: 'ghost-set' },
        { action: 'add_to_set', names: ['bulk.a', 'no.such.flag'], set: 'bulk-set' },
        { action: 'add_to_set', names: ['bulk.a'] },
        { action: 'enable_everyone', names: ['bulk.a'], set: 'bulk-set' },
      ]) {
        const response = await staff.post(`${ADMIN}/flags/bulk`, body);
        expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expectShape(errorResponseSchema, response.body);
      }
      expect(await databaseState()).toEqual(before);
    });

    it('leaves a flag alone that is already where a bulk set action puts it, and refuses an unknown set', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'idle-set' });
      await staff.post(`${ADMIN}/flags`, { name: 'idle.in', sets: ['idle-set'] });
      await staff.post(`${ADMIN}/flags`, { name: 'idle.out' });
      // What a skipped flag would show: its version, the flags, the sets and the audit log.
      const written = async () => {
        const { version: _snapshot, ...rest } = await databaseState();
        return rest;
      };
      const before = await written();

      const add = await staff.post(`${ADMIN}/flags/bulk`, {
        action: 'add_to_set',
        names: ['idle.in'],
        set: 'idle-set',
      });
      const remove = await staff.post(`${ADMIN}/flags/bulk`, {
        action: 'remove_from_set',
        names: ['idle.out'],
        set: 'idle-set',
      });
      expect([add.status, remove.status]).toEqual([200, 200]);
      expect(await written()).toEqual(before);

      const ghost = await staff.post(`${ADMIN}/flags/bulk`, {
        action: 'remove_from_set',
        names: ['idle.in'],
        set: 'ghost-set',
      });
      expect(ghost.status).toBe(400);
      expect(ghost.body.error).toMatchObject({
        code: 'validation_error',
        fields: { set: 'Unknown flag set: ghost-set.' },
      });
      expect(await written()).toEqual(before);
    });

    it('deletes a set by taking each of its flags out of it: a new flag version and an audit entry each', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'doomed-set' });
      await staff.post(`${ADMIN}/flag-sets`, { name: 'kept-set' });
      const created = await staff.post(`${ADMIN}/flags`, {
        name: 'doomed.member',
        sets: ['doomed-set', 'kept-set'],
      });
      await staff.post(`${ADMIN}/flags`, { name: 'doomed.bystander', sets: ['kept-set'] });
      const bystander = (await staff.get(`${ADMIN}/flags/doomed.bystander`)).body.version;

      expect((await staff.request('DELETE', `${ADMIN}/flag-sets/doomed-set`)).status).toBe(204);

      const member = (await staff.get(`${ADMIN}/flags/doomed.member`)).body;
      expect(member.sets).toEqual(['kept-set']);
      expect(member.version).toBe(created.body.version + 1);
      expect((await staff.get(`${ADMIN}/flags/doomed.bystander`)).body.version).toBe(bystander);
      const audit = (await staff.get(`${ADMIN}/audit?object_type=flag&object_name=doomed.member`)).body
        .results;
      expect(audit[0]).toMatchObject({
        action: 'update',
        before: { sets: ['doomed-set', 'kept-set'] },
        after: { sets: ['kept-set'] },
      });
      // An editor who read the flag before the delete holds its old sets: their save is refused.
      const stale = await staff.request('PATCH', `${ADMIN}/flags/doomed.member`, {
        body: { note: 'edited' },
        headers: { 'If-Match': String(created.body.version) },
      });
      expect(stale.status).toBe(409);
    });

    // The real bin in its own process, on this dialect's database, while the server runs.
    it('manages sets from the CLI, and the running server serves what it wrote', {
      timeout: 60_000,
    }, async () => {
      const cli = (...args: string[]) => runCli(app.database.url, args);
      await staff.post(`${ADMIN}/flags`, { name: 'cli.member' });
      expect(
        (await cli('set', 'cli-set', '--create', '--note', 'from the CLI', '--add', 'cli.member')).status,
      ).toBe(0);
      const joined = await cli('flag', 'cli.joiner', '--create', '-s', 'cli-set');
      expect(joined.status, joined.stderr).toBe(0);

      const types = await cli('types', '--set', 'cli-set');
      expect(types.stdout).toContain('| "cli.joiner"');
      expect(types.stdout).toContain('| "cli.member"');
      await expect
        .poll(async () => names((await staff.get(`${ADMIN}/flags?set=cli-set`)).body), { timeout: 5_000 })
        .toEqual(['cli.joiner', 'cli.member']);
      expect((await staff.get(`${ADMIN}/flag-sets/cli-set`)).body.note).toBe('from the CLI');
    });

    it('exports the sets and each flag’s membership', async () => {
      const exported = expectShape(flagStateDumpSchema, (await staff.get(`${ADMIN}/export`)).body);
      expect(exported.flag_sets.map((set) => set.name)).toEqual(
        expect.arrayContaining(['admin', 'portal', 'bulk-set']),
      );
      expect(exported.flags.find((flag) => flag.name === 'bulk.a')?.sets).toEqual(['admin']);
    });

    it('imports a Waffle dump into the default set, or the one named, keeping sets a flag is in', async () => {
      const dump = (flag: string) => [
        { model: 'waffle.flag', pk: 1, fields: { name: flag, everyone: true, percent: null } },
        { model: 'waffle.switch', pk: 1, fields: { name: `${flag}.switch`, active: true } },
      ];

      const first = await staff.post(`${ADMIN}/import`, dump('waffle.one'));
      expect(first.status).toBe(200);
      expect(expectShape(importSummarySchema, first.body)).toEqual({ created: 3, updated: 0, unchanged: 0 });
      expect(detailOf(await staff.get(`${ADMIN}/flags/waffle.one`)).sets).toEqual(['imported']);

      await staff.request('PATCH', `${ADMIN}/flags/waffle.one`, { body: { sets: ['admin'] } });
      const named = await staff.post(`${ADMIN}/import?default_set=legacy`, dump('waffle.one'));
      expect(expectShape(importSummarySchema, named.body)).toMatchObject({ updated: 1 });
      expect(detailOf(await staff.get(`${ADMIN}/flags/waffle.one`)).sets).toEqual(['admin', 'legacy']);
      expect(expectShape(flagSetSchema, (await staff.get(`${ADMIN}/flag-sets/legacy`)).body).name).toBe(
        'legacy',
      );

      const before = await databaseState();
      const refused = await staff.post(`${ADMIN}/import?default_set=bad%20name`, dump('waffle.two'));
      expect(refused.status).toBe(400);
      expectShape(errorResponseSchema, refused.body);
      const unknown = await staff.post(`${ADMIN}/import`, {
        flags: [{ name: 'waffle.two', sets: ['ghost-set'] }],
      });
      expect(unknown.status).toBe(400);
      expectShape(errorResponseSchema, unknown.body);
      expect(await databaseState()).toEqual(before);
    });

    it('takes the flags out of a deleted set and keeps the flags', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'short-lived' });
      await staff.post(`${ADMIN}/flags`, { name: 'survivor', sets: ['short-lived', 'admin'] });

      expect((await staff.request('DELETE', `${ADMIN}/flag-sets/short-lived`)).status).toBe(204);

      expect(detailOf(await staff.get(`${ADMIN}/flags/survivor`)).sets).toEqual(['admin']);
      expect(app.runtime.snapshot.state.sets.has('short-lived')).toBe(false);
    });

    it('evaluates only the flags of the set a route serves, and follows membership changes', async () => {
      await staff.post(`${ADMIN}/flag-sets`, { name: 'eval-set' });
      await staff.post(`${ADMIN}/flags`, { name: 'eval.in', everyone: true, sets: ['eval-set'] });
      await staff.post(`${ADMIN}/flags`, { name: 'eval.out', everyone: true });
      const learner = await loggedInClient(app, 'lina');

      const status = expectShape(
        waffleStatusResponseSchema,
        (await learner.get('/waffle_status?set=eval-set')).body,
      );
      expect(keys(status.enterprise_features)).toEqual(['eval.in']);
      expect(Object.keys(status.flags)).toEqual(['eval.in']);
      expect(app.runtime.snapshot.compiledFor(['eval-set']).flags.map((flag) => flag.name)).toEqual([
        'eval.in',
      ]);
      const both = (await learner.get('/waffle_status?set=eval-set,portal')).body;
      expect(keys(both.enterprise_features)).toEqual(['eval.in', 'member.two']);
      // No set named: every flag, as before sets existed.
      expect(keys((await learner.get('/waffle_status')).body.enterprise_features)).toContain('eval.out');

      await staff.request('PATCH', `${ADMIN}/flags/eval.out`, { body: { sets: ['eval-set'] } });
      const after = (await learner.get('/waffle_status?set=eval-set')).body;
      expect(keys(after.enterprise_features)).toEqual(['eval.in', 'eval.out']);
      expect((await learner.get('/waffle_status?set=has%20space')).status).toBe(400);
    });

    // Last: Sequelize models bind to one database per process, so a second app takes them over.
    it('serves the configured sets on the learner routes; an unknown set embeds nothing and is logged once', async () => {
      const configured = await createTestApp({ dialect, config: { flagSets: ['portal', 'missing-set'] } });
      try {
        const customer = await configured.build.enterprise('acme');
        await configured.build.user({ username: 'sam', isStaff: true });
        await configured.build.user({ username: 'lina', linkedTo: [customer.uuid] });
        const admin = await loggedInClient(configured, 'sam');
        // No sets defined yet: every flag, so a configured route keeps working.
        await admin.post(`${ADMIN}/flags`, { name: 'all.before', everyone: true });
        const learner = await loggedInClient(configured, 'lina');
        expect(keys((await learner.get(LEARNER_LIST)).body.enterprise_features)).toEqual(['all.before']);

        await admin.post(`${ADMIN}/flag-sets`, { name: 'portal' });
        await admin.post(`${ADMIN}/flags`, { name: 'portal.flag', everyone: true, sets: ['portal'] });
        const list = expectShape(enterpriseLearnerResponseSchema, (await learner.get(LEARNER_LIST)).body);
        expect(keys(list.enterprise_features)).toEqual(['portal.flag']);
        expect(keys(list.enterprise_features_by_customer[customer.uuid])).toEqual(['portal.flag']);
        const dashboard = await learner.post('/api/v1/bffs/learner/dashboard/', {
          enterprise_customer_slug: 'acme',
        });
        expect(keys(expectShape(learnerDashboardResponseSchema, dashboard.body).enterprise_features)).toEqual(
          ['portal.flag'],
        );
        await learner.get(LEARNER_LIST);

        const warnings = configured.logs.filter((entry) => entry.details?.set === 'missing-set');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]!.level).toBe('warn');
      } finally {
        await configured.close();
      }
    });
  });
}
