import {
  adminEnterpriseCustomerListResponseSchema,
  adminEnterpriseCustomerSchema,
  adminUserDetailSchema,
  adminUserListResponseSchema,
  adminUserSchema,
  auditListResponseSchema,
  errorResponseSchema,
  explainResponseSchema,
  flagStateDumpSchema,
  groupListResponseSchema,
  groupSchema,
  importSummarySchema,
  learnerDashboardResponseSchema,
  linkedLearnerListResponseSchema,
  linkedLearnerSchema,
  meResponseSchema,
} from '@waffle-kit/contract';
import { bucketOf } from '@waffle-kit/core';
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
import type { TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const ADMIN = '/api/admin';

/** Users, groups, enterprise customers, their learners and explain, over the real HTTP server. */
export function describeAdminPeople(dialect: TestDialect): void {
  describe(`admin users, groups, enterprise customers and explain on ${dialect}`, () => {
    let app: TestApp;
    let acme: EnterpriseCustomer;
    let staff: TestClient;
    let routes: AdminRoute[];

    const as = (username: string, password?: string) => loggedInClient(app, username, password);
    const databaseState = async () => ({
      users: (await staff.get(`${ADMIN}/users`)).body,
      groups: (await staff.get(`${ADMIN}/groups`)).body,
      customers: (await staff.get(`${ADMIN}/enterprise-customers`)).body,
      learners: (await staff.get(`${ADMIN}/enterprise-customers/${acme.uuid}/learners`)).body,
      audit: (await staff.get(`${ADMIN}/audit`)).body.count,
    });

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      acme = await app.build.enterprise('acme', 'Acme');
      await app.build.user({ username: 'lina', linkedTo: [acme.uuid] });
      await app.build.user({ username: 'sam', isStaff: true });
      await app.build.user({ username: 'root', isSuperuser: true });
      await app.build.flag('enterprise.dashboard_v2', { percent: 0, enterprise: { [acme.uuid]: 30 } });
      await app.build.flag('acme.all', { percent: 0, enterprise: { [acme.uuid]: 100 } });
      staff = await as('sam');
      routes = [
        ['GET', `${ADMIN}/users`, undefined, adminUserListResponseSchema],
        ['POST', `${ADMIN}/users`, { username: 'matrix.user' }, adminUserSchema],
        ['GET', `${ADMIN}/users/lina`, undefined, adminUserDetailSchema],
        ['PATCH', `${ADMIN}/users/lina`, { language: 'fr' }, adminUserSchema],
        ['GET', `${ADMIN}/groups`, undefined, groupListResponseSchema],
        ['POST', `${ADMIN}/groups`, { name: 'matrix-group' }, groupSchema],
        ['GET', `${ADMIN}/enterprise-customers`, undefined, adminEnterpriseCustomerListResponseSchema],
        [
          'POST',
          `${ADMIN}/enterprise-customers`,
          { slug: 'matrix', name: 'Matrix' },
          adminEnterpriseCustomerSchema,
        ],
        [
          'GET',
          `${ADMIN}/enterprise-customers/${acme.uuid}/learners`,
          undefined,
          linkedLearnerListResponseSchema,
        ],
        [
          'POST',
          `${ADMIN}/enterprise-customers/${acme.uuid}/learners`,
          { username: 'matrix.user' },
          linkedLearnerSchema,
        ],
        ['DELETE', `${ADMIN}/enterprise-customers/${acme.uuid}/learners/matrix.user`],
        [
          'GET',
          `${ADMIN}/flags/enterprise.dashboard_v2/explain?username=lina`,
          undefined,
          explainResponseSchema,
        ],
        ['GET', `${ADMIN}/export`, undefined, flagStateDumpSchema],
        [
          'POST',
          `${ADMIN}/import`,
          { switches: [{ name: 'imported.switch', active: true }] },
          importSummarySchema,
        ],
        ['GET', `${ADMIN}/audit`, undefined, auditListResponseSchema],
      ];
    });

    afterAll(async () => {
      await app?.close();
    });

    it('answers 401 to anonymous requests and 403 to a learner, and serves staff, on every route', async () => {
      const anonymous = app.client();
      await anonymous.get('/api/auth/me');
      await expectAdminOnly(routes, anonymous, await as('lina'));
      await expectServes(routes, staff, 'staff');
    });

    it('refuses every unsafe route without the right CSRF header', async () => {
      await expectCsrfRequired(routes, await as('root'));
    });

    it.each([
      ['users', { username: 'has space' }, 'username'],
      ['users', { username: 'lina' }, 'username'],
      ['users', { username: 'new.one', password: 'short' }, 'password'],
      ['users', { username: 'new.two', email: 'not-an-email' }, 'email'],
      ['users', { username: 'new.three', groups: ['no-such-group'] }, 'groups'],
      ['groups', { name: '' }, 'name'],
      ['enterprise-customers', { slug: 'Bad Slug', name: 'X' }, 'slug'],
      ['enterprise-customers', { slug: 'acme', name: 'Acme again' }, 'slug'],
      ['enterprise-customers', { slug: 'ok', name: 'X', uuid: 'nope' }, 'uuid'],
    ])('rejects POST /%s %o with a field message and writes nothing', async (plural, body, field) => {
      const before = await databaseState();

      const response = await staff.post(`${ADMIN}/${plural}`, body);

      expect(response.status).toBe(400);
      expect(expectShape(errorResponseSchema, response.body).error.fields?.[field]).toEqual(
        expect.any(String),
      );
      expect(await databaseState()).toEqual(before);
    });

    it('keeps the API’s uuid and note rules on import: upper-case uuids stored lower-cased, long notes refused', async () => {
      const apiUuid = 'ABCDEF01-2345-4678-9ABC-DEF012345678';
      const importUuid = 'ABCDEF01-2345-4678-9ABC-DEF012345679';
      const created = await staff.post(`${ADMIN}/enterprise-customers`, {
        uuid: apiUuid,
        slug: 'upper-api',
        name: 'Upper API',
      });
      expect(created.status).toBe(201);
      expectShape(adminEnterpriseCustomerSchema, created.body);
      const imported = await staff.post(`${ADMIN}/import`, {
        enterprise_customers: [
          { uuid: importUuid, slug: 'upper-import', name: 'Upper import', active: true },
        ],
      });
      expect(imported.status).toBe(200);
      expectShape(importSummarySchema, imported.body);
      const uuids = expectShape(
        adminEnterpriseCustomerListResponseSchema,
        (await staff.get(`${ADMIN}/enterprise-customers`)).body,
      ).results.map((customer) => customer.uuid);
      expect(uuids).toEqual(expect.arrayContaining([apiUuid.toLowerCase(), importUuid.toLowerCase()]));
      expect(uuids).not.toContain(importUuid);

      const before = await databaseState();
      const note = 'n'.repeat(10_001);
      for (const body of [
        { switches: [{ name: 'long.note', active: true, note }] },
        { samples: [{ name: 'long.note', percent: 5, note }] },
        { flags: [{ name: 'long.note', note }] },
      ]) {
        const response = await staff.post(`${ADMIN}/import`, body);
        expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(400);
        expect(expectShape(errorResponseSchema, response.body).error.code).toBe('validation_error');
      }
      expect(await databaseState()).toEqual(before);
    });

    it('rejects linking an unknown user and writes nothing', async () => {
      const before = await databaseState();

      const response = await staff.post(`${ADMIN}/enterprise-customers/${acme.uuid}/learners`, {
        username: 'ghost',
      });

      expect(response.status).toBe(400);
      expect(expectShape(errorResponseSchema, response.body).error.fields?.username).toBe(
        'Unknown user: ghost.',
      );
      expect(await databaseState()).toEqual(before);
    });

    it('creates a user who can log in, links them to Acme, and their next dashboard has Acme’s flags', async () => {
      await staff.post(`${ADMIN}/groups`, { name: 'pilots' });
      const created = await staff.post(`${ADMIN}/users`, {
        username: 'newbie',
        password: 'a long password',
        groups: ['pilots'],
      });
      const newbie = await as('newbie', 'a long password');
      const before = await newbie.get(`/waffle_status?enterprise_customer_uuid=${acme.uuid}`);

      await staff.post(`${ADMIN}/enterprise-customers/${acme.uuid}/learners`, { username: 'newbie' });
      const after = await newbie.post('/api/v1/bffs/learner/dashboard/', {
        enterprise_customer_slug: 'acme',
      });
      const audit = expectShape(
        auditListResponseSchema,
        (await staff.get(`${ADMIN}/audit?object_type=user&object_name=newbie`)).body,
      ).results;

      expect(created.status).toBe(201);
      expect(expectShape(adminUserSchema, created.body)).toMatchObject({
        username: 'newbie',
        groups: ['pilots'],
        has_password: true,
      });
      expect(expectShape(adminUserSchema, audit[0]!.after)).toEqual(created.body);
      expect(before.status).toBe(403);
      expect(after.status).toBe(200);
      expect(after.body.enterprise_features['acme.all']).toBe(true);
      expect(JSON.stringify(audit)).not.toContain('scrypt');
    });

    it('explains a flag for a user and an enterprise, agreeing with the dashboard', async () => {
      const lina = await as('lina');
      const { user: me } = expectShape(meResponseSchema, (await lina.get('/api/auth/me')).body);

      const explained = await staff.get(
        `${ADMIN}/flags/enterprise.dashboard_v2/explain?username=lina&enterprise_customer_uuid=${acme.uuid}`,
      );
      const global = await staff.get(`${ADMIN}/flags/enterprise.dashboard_v2/explain?username=lina`);
      const dashboard = await lina.post('/api/v1/bffs/learner/dashboard/', {
        enterprise_customer_slug: 'acme',
      });
      const unknown = await staff.get(`${ADMIN}/flags/nope/explain?username=lina`);

      const bucket = bucketOf('enterprise.dashboard_v2', String(me.id));
      const on = bucket < 300;
      expect(explained.body).toMatchObject({
        is_active: on,
        reason: 'enterprise_percent',
        bucket,
        percent: 30,
      });
      expect(explained.body.description).toBe(
        `${on ? 'on' : 'off'}: enterprise percentage 30% for Acme, bucket ${bucket} ${on ? '<' : '>='} 300`,
      );
      expect(dashboard.body.enterprise_features['enterprise.dashboard_v2']).toBe(on);
      expect(global.body).toMatchObject({ is_active: false, reason: 'default' });
      expect(unknown.status).toBe(404);
      // The wire contract's shapes, checked on the real answers.
      expectShape(explainResponseSchema, explained.body);
      expectShape(explainResponseSchema, global.body);
      expectShape(learnerDashboardResponseSchema, dashboard.body);
      expectShape(errorResponseSchema, unknown.body);
    });
  });
}
