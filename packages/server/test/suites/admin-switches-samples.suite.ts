import {
  auditListResponseSchema,
  errorResponseSchema,
  sampleListResponseSchema,
  sampleSchema,
  switchListResponseSchema,
  switchSchema,
  waffleStatusResponseSchema,
} from '@waffle-kit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminRoute,
  expectAdminOnly,
  expectCsrfRequired,
  expectServes,
} from '../helpers/admin-access.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { expectShape } from '../helpers/expect-shape.js';
import { loggedInClient } from '../helpers/sessions.js';
import type { TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const ADMIN = '/api/admin';

/** The switch and sample admin API over the real HTTP server. */
export function describeAdminSwitchesAndSamples(dialect: TestDialect): void {
  describe(`admin switches and samples API on ${dialect}`, () => {
    let app: TestApp;
    let staff: TestClient;
    const routes: AdminRoute[] = [
      ['GET', `${ADMIN}/switches`, undefined, switchListResponseSchema],
      ['POST', `${ADMIN}/switches`, { name: 'matrix.switch' }, switchSchema],
      ['GET', `${ADMIN}/switches/matrix.switch`, undefined, switchSchema],
      ['PATCH', `${ADMIN}/switches/matrix.switch`, { active: true }, switchSchema],
      ['DELETE', `${ADMIN}/switches/matrix.switch`],
      ['GET', `${ADMIN}/samples`, undefined, sampleListResponseSchema],
      ['POST', `${ADMIN}/samples`, { name: 'matrix.sample', percent: 10 }, sampleSchema],
      ['GET', `${ADMIN}/samples/matrix.sample`, undefined, sampleSchema],
      ['PATCH', `${ADMIN}/samples/matrix.sample`, { percent: 20.5 }, sampleSchema],
      ['DELETE', `${ADMIN}/samples/matrix.sample`],
    ];

    const as = (username: string) => loggedInClient(app, username);
    const databaseState = async () => ({
      switches: (await staff.get(`${ADMIN}/switches`)).body,
      samples: (await staff.get(`${ADMIN}/samples`)).body,
      audit: (await staff.get(`${ADMIN}/audit`)).body.count,
      version: app.runtime.snapshot.version,
    });

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      await app.build.user({ username: 'lina' });
      await app.build.user({ username: 'sam', isStaff: true });
      await app.build.user({ username: 'root', isSuperuser: true });
      staff = await as('sam');
      await staff.post(`${ADMIN}/switches`, { name: 'existing.switch' });
      await staff.post(`${ADMIN}/samples`, { name: 'existing.sample', percent: 5 });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('answers 401 to anonymous requests, 403 to a learner, and serves staff and superusers on every route', async () => {
      const anonymous = app.client();
      await anonymous.get('/api/auth/me');
      await expectAdminOnly(routes, anonymous, await as('lina'));
      for (const username of ['sam', 'root']) await expectServes(routes, await as(username), username);
    });

    it('refuses every unsafe route without the right CSRF header', async () => {
      const before = await databaseState();
      await expectCsrfRequired(routes, staff);
      expect(await databaseState()).toEqual(before);
    });

    it.each([
      ['switches', 'a bad name', { name: 'bad name' }, 'name'],
      ['switches', 'a duplicate name', { name: 'existing.switch' }, 'name'],
      ['switches', 'a non-boolean active', { name: 's.x', active: 'yes' }, 'active'],
      ['samples', 'a missing percent', { name: 's.y' }, 'percent'],
      ['samples', 'a percent with two decimals', { name: 's.z', percent: 12.34 }, 'percent'],
      ['samples', 'a percent above 100', { name: 's.w', percent: 101 }, 'percent'],
      ['samples', 'a duplicate name', { name: 'existing.sample', percent: 1 }, 'name'],
      ['samples', 'an unknown field', { name: 's.v', percent: 1, rate: 2 }, 'rate'],
    ])('rejects a new %s entry with %s and writes nothing', async (plural, _rule, body, field) => {
      const before = await databaseState();

      const response = await staff.post(`${ADMIN}/${plural}`, body);

      expect(response.status).toBe(400);
      expect(expectShape(errorResponseSchema, response.body).error.fields?.[field]).toEqual(
        expect.any(String),
      );
      expect(await databaseState()).toEqual(before);
    });

    it('answers 409 to the loser of two concurrent PATCHes with the same version', async () => {
      const { version } = expectShape(
        sampleSchema,
        (await staff.get(`${ADMIN}/samples/existing.sample`)).body,
      );
      const root = await as('root');

      const results = await Promise.all(
        [staff, root].map((client, i) =>
          client.request('PATCH', `${ADMIN}/samples/existing.sample`, {
            body: { percent: 10 + i },
            headers: { 'if-match': String(version) },
          }),
        ),
      );

      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      for (const { status, body } of results)
        expectShape(status === 200 ? sampleSchema : errorResponseSchema, body);
      expect((await staff.get(`${ADMIN}/samples/existing.sample`)).body.version).toBe(version + 1);
    });

    it('audits each change and shows a switched switch in the next /waffle_status', async () => {
      await staff.request('PATCH', `${ADMIN}/switches/existing.switch`, {
        body: { active: true, note: 'go' },
      });

      const status = expectShape(waffleStatusResponseSchema, (await app.client().get('/waffle_status')).body);
      const audit = expectShape(
        auditListResponseSchema,
        (await staff.get(`${ADMIN}/audit?object_type=switch&object_name=existing.switch`)).body,
      ).results;

      expect(status.switches['existing.switch']!.is_active).toBe(true);
      expect(audit.map((e) => e.action)).toEqual(['update', 'create']);
      expect(expectShape(switchSchema, audit[0]!.before)).toMatchObject({ active: false, version: 1 });
      expect(expectShape(switchSchema, audit[0]!.after)).toMatchObject({
        active: true,
        note: 'go',
        version: 2,
      });
    });
  });
}
