import {
  auditListResponseSchema,
  errorResponseSchema,
  flagBulkResponseSchema,
  flagDetailSchema,
  flagListResponseSchema,
  flagSchema,
} from '@waffle-kit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer } from '../../src/db/models/index.js';
import {
  type AdminRoute,
  expectAdminOnly,
  expectCsrfRequired,
  expectServes,
} from '../helpers/admin-access.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { expectShape } from '../helpers/expect-shape.js';
import { loggedInClient } from '../helpers/sessions.js';
import type { Json, TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const ADMIN = '/api/admin';
type Five<T> = [T, T, T, T, T];

/** The flag admin API over the real HTTP server. */
export function describeAdminFlags(dialect: TestDialect): void {
  describe(`admin flags API on ${dialect}`, () => {
    let app: TestApp;
    let acme: EnterpriseCustomer;
    let staff: TestClient;
    let routes: AdminRoute[];

    const as = (username: string) => loggedInClient(app, username);

    /** Everything an admin request could have changed, to prove a rejected one changed nothing. */
    const databaseState = async () => ({
      flags: (await staff.get(`${ADMIN}/flags`)).body,
      audit: (await staff.get(`${ADMIN}/audit`)).body.count,
      version: app.runtime.snapshot.version,
    });

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      acme = await app.build.enterprise('acme');
      await app.build.user({ username: 'lina', linkedTo: [acme.uuid] });
      await app.build.user({ username: 'sam', isStaff: true });
      await app.build.user({ username: 'root', isSuperuser: true });
      await app.build.user({ username: 'bob', groups: ['beta'] });
      await app.build.flag('existing.flag', { percent: 10 });
      staff = await as('sam');
      const flag = `${ADMIN}/flags/existing.flag`;
      routes = [
        ['GET', `${ADMIN}/flags`, undefined, flagListResponseSchema],
        ['POST', `${ADMIN}/flags`, { name: 'matrix.flag' }, flagSchema],
        [
          'POST',
          `${ADMIN}/flags/bulk`,
          { action: 'enable_everyone', names: ['existing.flag'] },
          flagBulkResponseSchema,
        ],
        ['PUT', `${flag}/enterprise-percentages/${acme.uuid}`, { percent: 5 }, flagSchema],
        ['GET', flag, undefined, flagDetailSchema],
        ['PATCH', flag, { note: 'matrix' }, flagSchema],
        ['DELETE', `${flag}/enterprise-percentages/${acme.uuid}`, undefined, flagSchema],
        ['DELETE', `${ADMIN}/flags/matrix.flag`],
        ['GET', `${ADMIN}/audit`, undefined, auditListResponseSchema],
      ];
    });

    afterAll(async () => {
      await app?.close();
    });

    it('answers 401 to anonymous requests and 403 to a learner on every admin flag route', async () => {
      const anonymous = app.client();
      await anonymous.get('/api/auth/me'); // picks up a csrftoken cookie
      await expectAdminOnly(routes, anonymous, await as('lina'));
    });

    it('lets staff and superusers use every admin flag route', async () => {
      for (const username of ['sam', 'root']) await expectServes(routes, await as(username), username);
    });

    it('refuses every unsafe admin route when the CSRF header is missing or wrong', async () => {
      const admin = await as('sam');
      const before = await databaseState();
      await expectCsrfRequired(routes, admin);
      expect(await databaseState()).toEqual(before);
    });

    it.each([
      ['a bad name', { name: 'no spaces allowed' }, 'name'],
      ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
      ['a percent above 100', { name: 'v.a', percent: 100.1 }, 'percent'],
      ['a percent below 0', { name: 'v.b', percent: -1 }, 'percent'],
      ['a percent with two decimals', { name: 'v.c', percent: 33.33 }, 'percent'],
      ['an unknown user', { name: 'v.d', users: ['nobody'] }, 'users'],
      ['an unknown group', { name: 'v.e', groups: ['nobody'] }, 'groups'],
      [
        'an unknown enterprise customer',
        {
          name: 'v.f',
          enterprise_percentages: [
            { enterprise_customer_uuid: '00000000-0000-4000-8000-000000000000', percent: 5 },
          ],
        },
        'enterprise_percentages',
      ],
      ['a duplicate name', { name: 'existing.flag' }, 'name'],
      ['an unknown field', { name: 'v.g', colour: 'blue' }, 'colour'],
    ])('rejects %s with a field message and writes nothing', async (_rule, body, field) => {
      const before = await databaseState();

      const response = await staff.post(`${ADMIN}/flags`, body);

      expect(response.status).toBe(400);
      const { error } = expectShape(errorResponseSchema, response.body);
      expect(error.code).toBe('validation_error');
      expect(error.fields?.[field]).toEqual(expect.any(String));
      expect(await databaseState()).toEqual(before);
    });

    it('rejects a bad enterprise percentage and a bad PATCH with field messages and writes nothing', async () => {
      const before = await databaseState();

      const put = await staff.request(
        'PUT',
        `${ADMIN}/flags/existing.flag/enterprise-percentages/${acme.uuid}`,
        {
          body: { percent: 150 },
        },
      );
      const patch = await staff.request('PATCH', `${ADMIN}/flags/existing.flag`, {
        body: { percent: 10, users: ['lina', 'ghost'] },
      });

      expect(put.status).toBe(400);
      expect(expectShape(errorResponseSchema, put.body).error.fields?.percent).toBeDefined();
      expect(patch.status).toBe(400);
      expect(expectShape(errorResponseSchema, patch.body).error.fields?.users).toBe('Unknown user: ghost.');
      expect(await databaseState()).toEqual(before);
    });

    it('lets one of two concurrent PATCHes with the same version win and answers 409 to the other', async () => {
      const created = await staff.post(`${ADMIN}/flags`, { name: 'race.flag' });
      const { version } = expectShape(flagSchema, created.body);
      const other = await as('root');

      const results = await Promise.all([
        staff.request('PATCH', `${ADMIN}/flags/race.flag`, {
          body: { percent: 20 },
          headers: { 'if-match': `"${version}"` },
        }),
        other.request('PATCH', `${ADMIN}/flags/race.flag`, {
          body: { percent: 80 },
          headers: { 'if-match': `"${version}"` },
        }),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const loser = results.find((r) => r.status === 409)!;
      expect(expectShape(errorResponseSchema, loser.body).error.code).toBe('conflict');
      expectShape(flagSchema, winner.body);
      const now = expectShape(flagDetailSchema, (await staff.get(`${ADMIN}/flags/race.flag`)).body);
      expect(now.version).toBe(version + 1);
      expect(now.percent).toBe(winner.body.percent);
      const audit = (await staff.get(`${ADMIN}/audit?object_type=flag&object_name=race.flag`)).body.results;
      expect(audit.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    });

    it('answers 409 to a DELETE with a stale If-Match and keeps the flag', async () => {
      const created = await staff.post(`${ADMIN}/flags`, { name: 'kept.flag' });
      await staff.request('PATCH', `${ADMIN}/flags/kept.flag`, { body: { note: 'changed' } });

      const stale = await staff.request('DELETE', `${ADMIN}/flags/kept.flag`, {
        headers: { 'if-match': String(created.body.version) },
      });

      expect(stale.status).toBe(409);
      expectShape(errorResponseSchema, stale.body);
      expect((await staff.get(`${ADMIN}/flags/kept.flag`)).status).toBe(200);
    });

    it('writes exactly one audit entry per change, with who and the before and after values, newest first', async () => {
      const root = await as('root');
      await staff.post(`${ADMIN}/flags`, { name: 'audited.flag', note: 'first' });
      await root.request('PATCH', `${ADMIN}/flags/audited.flag`, {
        body: { percent: 33.3, groups: ['beta'] },
      });
      await staff.request('PUT', `${ADMIN}/flags/audited.flag/enterprise-percentages/${acme.uuid}`, {
        body: { percent: 12.5 },
      });
      await staff.request('DELETE', `${ADMIN}/flags/audited.flag/enterprise-percentages/${acme.uuid}`);
      await staff.request('DELETE', `${ADMIN}/flags/audited.flag`);

      const audit = expectShape(
        auditListResponseSchema,
        (await staff.get(`${ADMIN}/audit?object_type=flag&object_name=audited.flag`)).body,
      ).results;

      expect(audit.map((e) => [e.action, e.actor])).toEqual([
        ['delete', 'sam'],
        ['update', 'sam'],
        ['update', 'sam'],
        ['update', 'root'],
        ['create', 'sam'],
      ]);
      // What the audit log keeps of a flag is the Flag JSON its endpoints answer with.
      const [deleted, unset, set, patched, created] = audit.map((entry) => ({
        before: entry.before && expectShape(flagSchema, entry.before, `${entry.action}'s before`),
        after: entry.after && expectShape(flagSchema, entry.after, `${entry.action}'s after`),
      })) as Five<{ before: Json; after: Json }>;
      expect(created.before).toBeNull();
      expect(created.after).toMatchObject({ name: 'audited.flag', note: 'first', percent: null, version: 1 });
      expect(patched.before).toMatchObject({ percent: null, groups: [] });
      expect(patched.after).toMatchObject({ percent: 33.3, groups: ['beta'], version: 2 });
      expect(set.after.enterprise_percentages).toEqual([
        { enterprise_customer_uuid: acme.uuid, percent: 12.5 },
      ]);
      expect(unset.after.enterprise_percentages).toEqual([]);
      expect(deleted.before).toMatchObject({ name: 'audited.flag', version: 4 });
      expect(deleted.after).toBeNull();
    });

    it('evaluates a flag created through the admin API in the very next dashboard response', async () => {
      const lina = await as('lina');

      const created = await staff.post(`${ADMIN}/flags`, {
        name: 'brand.new',
        percent: 0,
        enterprise_percentages: [{ enterprise_customer_uuid: acme.uuid, percent: 100 }],
      });
      const dashboard = await lina.post('/api/v1/bffs/learner/dashboard/', {
        enterprise_customer_slug: 'acme',
      });

      expect(created.status).toBe(201);
      expectShape(flagSchema, created.body);
      expect(dashboard.body.enterprise_features['brand.new']).toBe(true);
    });

    it('counts, on the flag detail, the linked learners each enterprise percentage turns on', async () => {
      await staff.post(`${ADMIN}/flags`, {
        name: 'counted.flag',
        enterprise_percentages: [{ enterprise_customer_uuid: acme.uuid, percent: 100 }],
      });
      await staff.request('PUT', `${ADMIN}/flags/counted.flag/enterprise-percentages/${acme.uuid}`, {
        body: { percent: 0 },
      });
      const off = expectShape(flagDetailSchema, (await staff.get(`${ADMIN}/flags/counted.flag`)).body);
      await staff.request('PUT', `${ADMIN}/flags/counted.flag/enterprise-percentages/${acme.uuid}`, {
        body: { percent: 100 },
      });
      const on = expectShape(flagDetailSchema, (await staff.get(`${ADMIN}/flags/counted.flag`)).body);

      expect(off.enterprise_percentages).toEqual([
        { enterprise_customer_uuid: acme.uuid, percent: 0, linked_learners: 1, learners_on: 0 },
      ]);
      expect(on.enterprise_percentages[0]).toMatchObject({
        percent: 100,
        linked_learners: 1,
        learners_on: 1,
      });
    });

    it('takes % and _ in a search literally, in names and notes', async () => {
      await staff.post(`${ADMIN}/flags`, { name: 'literal.a_b', note: 'half: 50% of Acme' });
      await staff.post(`${ADMIN}/flags`, { name: 'literal.axb', note: 'half: 50 of Acme!' });
      const names = async (search: string) =>
        expectShape(
          flagListResponseSchema,
          (await staff.get(`${ADMIN}/flags?search=${encodeURIComponent(search)}`)).body,
        ).results.map((f) => f.name);

      expect(await names('literal.a_b')).toEqual(['literal.a_b']);
      expect(await names('50%')).toEqual(['literal.a_b']);
      expect(await names('Acme!')).toEqual(['literal.axb']);
      expect(await names('LITERAL.A_')).toEqual(['literal.a_b']);
    });

    it('searches flags by name and note', async () => {
      await staff.post(`${ADMIN}/flags`, { name: 'search.alpha', note: 'Checkout Redesign' });
      await staff.post(`${ADMIN}/flags`, { name: 'search.beta', note: 'other' });

      const byName = await staff.get(`${ADMIN}/flags?search=alpha`);
      const byNote = await staff.get(`${ADMIN}/flags?search=checkout`);

      expect(byName.body.results.map((f: { name: string }) => f.name)).toEqual(['search.alpha']);
      expect(byNote.body.results.map((f: { name: string }) => f.name)).toEqual(['search.alpha']);
    });

    it('enables, disables and deletes flags in bulk with one audit entry per flag', async () => {
      await staff.post(`${ADMIN}/flags`, { name: 'bulk.one' });
      await staff.post(`${ADMIN}/flags`, { name: 'bulk.two' });
      const names = ['bulk.one', 'bulk.two'];

      const enabled = await staff.post(`${ADMIN}/flags/bulk`, { action: 'enable_everyone', names });
      const everyone = (await staff.get(`${ADMIN}/flags?search=bulk.`)).body.results.map(
        (f: { everyone: boolean }) => f.everyone,
      );
      const deleted = await staff.post(`${ADMIN}/flags/bulk`, { action: 'delete', names });
      const audit = (await staff.get(`${ADMIN}/audit?object_type=flag&object_name=bulk.one`)).body.results;

      expect(expectShape(flagBulkResponseSchema, enabled.body)).toEqual({
        action: 'enable_everyone',
        count: 2,
      });
      expect(everyone).toEqual([true, true]);
      expect(deleted.status).toBe(200);
      expect((await staff.get(`${ADMIN}/flags/bulk.one`)).status).toBe(404);
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    });
  });
}
