import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer } from '../../src/db/models/index.js';
import { responseText, statusCounts } from '../helpers/access.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import type { Json, TestClient, TestResponse } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const DASHBOARD = '/api/v1/bffs/learner/dashboard/';
const LEARNER_LIST = '/enterprise/api/v1/enterprise-learner/';
const FLAG_A = 'isolation.a_only';
const FLAG_B = 'isolation.b_only';
const B_NAME = 'Bluebird Hidden Corp';
const B_COURSE = 'course-v1:Bluebird+HIDDEN+2026';

interface NamingCase {
  readonly name: string;
  readonly send: (client: TestClient) => Promise<TestResponse>;
  /** The status every learner who is not a member of B gets. */
  readonly status: number;
}

/** Every way the request below names enterprise B (or both A and B), for a learner of A only. */
function waysOfNamingB(a: string, b: string): NamingCase[] {
  const q = (value: string) => encodeURIComponent(value);
  const dashboard = (body: unknown, status: number, name: string): NamingCase => ({
    name: `dashboard ${name}`,
    send: (client) => client.post(DASHBOARD, body),
    status,
  });
  const get = (path: string, status: number): NamingCase => ({
    name: `GET ${path.replaceAll(b, 'B').replaceAll(b.toUpperCase(), 'B-UPPER').replaceAll(a, 'A')}`,
    send: (client) => client.get(path),
    status,
  });
  const uuidQueries = (path: string) => [
    get(`${path}?enterprise_customer_uuid=${b}`, 403),
    get(`${path}?enterprise_customer_uuid=${b.toUpperCase()}`, 403),
    get(`${path}?enterprise_customer_uuid=${q(` ${b} `)}`, 400),
    get(`${path}?enterprise_customer_uuid=${q(`{${b}}`)}`, 400),
    get(`${path}?enterprise_customer_uuid=${a}&enterprise_customer_uuid=${b}`, 400),
    get(`${path}?enterprise_customer_uuid=${b}&enterprise_customer_uuid=${a}`, 400),
  ];
  return [
    dashboard({ enterprise_customer_slug: 'bluebird' }, 403, 'slug B'),
    dashboard({ enterprise_customer_slug: 'BLUEBIRD' }, 404, 'slug B upper-case'),
    dashboard({ enterprise_customer_uuid: b }, 403, 'uuid B'),
    dashboard({ enterprise_customer_uuid: b.toUpperCase() }, 403, 'uuid B upper-case'),
    dashboard({ enterprise_customer_uuid: ` ${b} ` }, 400, 'uuid B with spaces'),
    dashboard({ enterprise_customer_uuid: `{${b}}` }, 400, 'uuid B in braces'),
    dashboard({ enterprise_customer_slug: 'acme', enterprise_customer_uuid: b }, 403, 'slug A with uuid B'),
    dashboard([{ enterprise_customer_slug: 'bluebird' }], 400, 'array body'),
    dashboard({ enterprise_customer_slug: ['acme', 'bluebird'] }, 400, 'slug array'),
    dashboard({ enterprise_customer_slug: { slug: 'bluebird' } }, 400, 'slug object'),
    dashboard({ enterprise_customer_uuid: [a, b] }, 400, 'uuid array'),
    dashboard('bluebird', 400, 'JSON string body'),
    dashboard(
      {
        enterprise_customer: { uuid: b, slug: 'bluebird' },
        active_enterprise_customer: { uuid: b },
        uuid: b,
      },
      200,
      'B in fields the route does not read',
    ),
    ...uuidQueries(LEARNER_LIST),
    get(`${LEARNER_LIST}?username=bob`, 403),
    get(`${LEARNER_LIST}?username=ana&username=bob`, 400),
    get(`${LEARNER_LIST}?enterprise_customer_slug=bluebird&enterprise_customer_uuid[]=${b}`, 200),
    ...uuidQueries('/waffle_status'),
    get(`/waffle_status?enterprise_customer_slug=bluebird&enterprise_customer_uuid[]=${b}`, 200),
  ];
}

/** What a response would give away about B: its data, its flag results, its uuid. */
function leaksOfB(response: TestResponse, b: EnterpriseCustomer): string[] {
  const text = responseText(response).toLowerCase();
  const body: Json = response.body ?? {};
  const leaks: string[] = [];
  if (text.includes(b.uuid)) leaks.push('uuid of B');
  if (text.includes(B_NAME.toLowerCase())) leaks.push('name of B');
  if (text.includes(B_COURSE.toLowerCase())) leaks.push('enrollment in B');
  if (body.enterprise_features?.[FLAG_B] === true) leaks.push(`${FLAG_B} on`);
  if (body.flags?.[FLAG_B]?.is_active === true) leaks.push(`waffle_status ${FLAG_B} on`);
  return leaks;
}

/** Enterprise isolation of the learner routes: no way of naming B gives a learner of A anything of B. */
export function describeAccessEnterprise(dialect: TestDialect): void {
  describe(`access: enterprise isolation on ${dialect}`, () => {
    let app: TestApp;
    let a: EnterpriseCustomer;
    let b: EnterpriseCustomer;

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      a = await app.build.enterprise('acme', 'Acme');
      b = await app.build.enterprise('bluebird', B_NAME);
      const ana = await app.build.user({ username: 'ana', linkedTo: [a.uuid] });
      const bob = await app.build.user({ username: 'bob', linkedTo: [b.uuid] });
      await app.build.user({ username: 'nobody' });
      await app.build.user({ username: 'sam', isStaff: true });
      await app.build.user({ username: 'root', isSuperuser: true });
      await app.build.enrollment(ana, a, 'course-v1:Acme+A1+2026');
      await app.build.enrollment(bob, b, B_COURSE);
      await app.build.flag(FLAG_A, { percent: 0, superusers: false, enterprise: { [a.uuid]: 100 } });
      await app.build.flag(FLAG_B, { percent: 0, superusers: false, enterprise: { [b.uuid]: 100 } });
      // ana once belonged to B: the link row is still there, unlinked.
      const root = app.client();
      await root.login('root', TEST_PASSWORD);
      const unlinked = await root.post(`/api/admin/enterprise-customers/${b.uuid}/learners`, {
        username: 'ana',
        linked: false,
      });
      expect(unlinked.status).toBeLessThan(300);
    });

    afterAll(async () => {
      await app?.close();
    });

    it('gives a learner of A (and a learner of none) nothing of B however B is named, with a 4xx in the error shape where B is asked for', async () => {
      const cases = waysOfNamingB(a.uuid, b.uuid);
      const responses: TestResponse[] = [];
      const failures: string[] = [];
      for (const username of ['ana', 'nobody']) {
        const client = app.client();
        await client.login(username, TEST_PASSWORD);
        for (const naming of cases) {
          const response = await naming.send(client);
          responses.push(response);
          const leaks = leaksOfB(response, b);
          if (response.status !== naming.status) {
            failures.push(`${username} ${naming.name}: ${response.status}, want ${naming.status}`);
          }
          if (leaks.length > 0) failures.push(`${username} ${naming.name}: ${leaks.join(', ')}`);
          if (response.status >= 400 && typeof response.body?.error?.code !== 'string') {
            failures.push(`${username} ${naming.name}: not the error shape`);
          }
          const byCustomer = Object.keys(response.body?.enterprise_features_by_customer ?? {});
          if (byCustomer.some((uuid) => uuid !== a.uuid)) {
            failures.push(`${username} ${naming.name}: flags for ${byCustomer.join(', ')}`);
          }
        }
      }
      console.log(
        `[access] enterprise isolation (${dialect}): ${cases.length} ways of naming B x 2 learners = ${responses.length} requests -> ${JSON.stringify(statusCounts(responses))}, ${failures.length} failures`,
      );

      expect(failures).toEqual([]);
    });

    it('still shows a learner of A everything of A, however A is named', async () => {
      const client = app.client();
      await client.login('ana', TEST_PASSWORD);

      const dashboard = await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      const byUuid = await client.post(DASHBOARD, { enterprise_customer_uuid: a.uuid.toUpperCase() });
      const status = await client.get(`/waffle_status?enterprise_customer_uuid=${a.uuid.toUpperCase()}`);
      const list = await client.get(LEARNER_LIST);

      expect(dashboard.status).toBe(200);
      expect(dashboard.body.enterprise_features[FLAG_A]).toBe(true);
      expect(dashboard.body.enterprise_course_enrollments).toHaveLength(1);
      expect(dashboard.body.all_linked_enterprise_customer_users).toHaveLength(1);
      expect(byUuid.body.enterprise_customer.uuid).toBe(a.uuid);
      expect(status.body.flags[FLAG_A].is_active).toBe(true);
      expect(status.body.enterprise_features_meta.enterprise_customer_uuid).toBe(a.uuid);
      expect(list.body.results.map((r: Json) => r.enterprise_customer.uuid)).toEqual([a.uuid]);
      expect(Object.keys(list.body.enterprise_features_by_customer)).toEqual([a.uuid]);
    });

    it('lets B’s own learner see B’s flags, and staff and superusers look at B evaluated as non-members', async () => {
      const bob = app.client();
      await bob.login('bob', TEST_PASSWORD);
      const own = await bob.post(DASHBOARD, { enterprise_customer_slug: 'bluebird' });
      const views: TestResponse[] = [];
      for (const username of ['sam', 'root']) {
        const client = app.client();
        await client.login(username, TEST_PASSWORD);
        views.push(
          await client.post(DASHBOARD, { enterprise_customer_slug: 'bluebird' }),
          await client.get(`/waffle_status?enterprise_customer_uuid=${b.uuid}`),
          await client.get(`${LEARNER_LIST}?username=bob`),
        );
      }
      console.log(
        `[access] staff views (${dialect}): B's learner -> ${own.status}; staff and superuser on B -> ${views.map((r) => r.status).join(',')}`,
      );

      expect(own.body.enterprise_features[FLAG_B]).toBe(true);
      expect(views.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      for (const [dashboard, status, list] of [views.slice(0, 3), views.slice(3)] as TestResponse[][]) {
        expect(dashboard!.body.enterprise_customer.name).toBe(B_NAME);
        expect(dashboard!.body.enterprise_features[FLAG_B]).toBe(false);
        expect(status!.body.flags[FLAG_B].is_active).toBe(false);
        expect(list!.body.results.map((r: Json) => r.enterprise_customer.uuid)).toEqual([b.uuid]);
        expect(list!.body.enterprise_features_by_customer[b.uuid][FLAG_B]).toBe(false);
      }
    });
  });
}
