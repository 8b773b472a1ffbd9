import { bucketOf } from '@waffle-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer, User } from '../../src/db/models/index.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import type { Json } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const DASHBOARD = '/api/v1/bffs/learner/dashboard/';
const LEARNER_LIST = '/enterprise/api/v1/enterprise-learner/';
const FLAG = 'enterprise.dashboard_v2';
const SPLIT_FLAGS = Array.from({ length: 12 }, (_, i) => `rollout.split_${i}`);

/** The demo learner API over the real HTTP server, on one database dialect. */
export function describeLearnerApi(dialect: TestDialect): void {
  describe(`learner API on ${dialect}`, () => {
    let app: TestApp;
    let acme: EnterpriseCustomer;
    let bluebird: EnterpriseCustomer;
    let lina: User;

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      acme = await app.build.enterprise('acme', 'Acme');
      bluebird = await app.build.enterprise('bluebird', 'Bluebird');
      lina = await app.build.user({ username: 'lina', linkedTo: [acme.uuid, bluebird.uuid] });
      await app.build.user({ username: 'uma' });
      await app.build.user({ username: 'sam', isStaff: true });
      await app.build.enrollment(lina, acme, 'course-v1:Acme+A1+2026');
      await app.build.flag(FLAG, { percent: 0, enterprise: { [acme.uuid]: 100 } });
      for (const name of SPLIT_FLAGS) {
        await app.build.flag(name, { percent: 50, enterprise: { [acme.uuid]: 50, [bluebird.uuid]: 20 } });
      }
      await app.build.flag('always.on', { everyone: true });
      await app.build.flag('exact.percent', { percent: 33.3, enterprise: { [acme.uuid]: 12.5 } });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('turns the flag on in A’s dashboard (100%) and off in B’s (no row, global 0) for a learner linked to both', async () => {
      const client = app.client();
      await client.login('lina', TEST_PASSWORD);

      const inA = await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      const inB = await client.post(DASHBOARD, { enterprise_customer_slug: 'bluebird' });

      expect(inA.status).toBe(200);
      expect(inA.body.enterprise_features[FLAG]).toBe(true);
      expect(inA.body.enterprise_features_meta).toMatchObject({
        username: 'lina',
        enterprise_customer_uuid: acme.uuid,
        version: app.runtime.snapshot.version,
      });
      expect(inA.body.enterprise_course_enrollments).toHaveLength(1);
      expect(inA.body.enterprise_customer.uuid).toBe(acme.uuid);
      expect(inB.status).toBe(200);
      expect(inB.body.enterprise_features[FLAG]).toBe(false);
      expect(inB.body.enterprise_features_meta.enterprise_customer_uuid).toBe(bluebird.uuid);
    });

    it('lists the linked customers with enterprise_features_by_customer agreeing with each dashboard', async () => {
      const client = app.client();
      await client.login('lina', TEST_PASSWORD);

      const list = await client.get(LEARNER_LIST);
      const inA = await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      const inB = await client.post(DASHBOARD, { enterprise_customer_slug: 'bluebird' });

      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({
        count: 2,
        num_pages: 1,
        current_page: 1,
        next: null,
        previous: null,
      });
      expect(list.body.results.map((r: Json) => r.enterprise_customer.slug)).toEqual(['acme', 'bluebird']);
      expect(list.body.enterprise_features[FLAG]).toBe(false);
      expect(list.body.enterprise_features_meta.enterprise_customer_uuid).toBeNull();
      expect(list.body.enterprise_features_by_customer[acme.uuid]).toEqual(inA.body.enterprise_features);
      expect(list.body.enterprise_features_by_customer[bluebird.uuid]).toEqual(inB.body.enterprise_features);
    });

    it('answers 403 to a learner asking for an enterprise they are not linked to', async () => {
      const client = app.client();
      await client.login('uma', TEST_PASSWORD);

      const dashboard = await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      const list = await client.get(`${LEARNER_LIST}?enterprise_customer_uuid=${acme.uuid}`);
      const status = await client.get(`/waffle_status?enterprise_customer_uuid=${acme.uuid}`);

      expect(dashboard.status).toBe(403);
      expect(dashboard.body.error.code).toBe('permission_denied');
      expect(dashboard.body.enterprise_features).toBeUndefined();
      expect(list.status).toBe(403);
      expect(status.status).toBe(403);
    });

    it('lets staff look at any enterprise, evaluating their flags as a non-member', async () => {
      const client = app.client();
      await client.login('sam', TEST_PASSWORD);

      const inA = await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });

      expect(inA.status).toBe(200);
      expect(inA.body.enterprise_customer.uuid).toBe(acme.uuid);
      expect(inA.body.enterprise_features[FLAG]).toBe(false);
      expect(inA.body.enterprise_features_meta.enterprise_customer_uuid).toBe(acme.uuid);
    });

    it('answers 404 for an unknown slug and 401 without a user', async () => {
      const client = app.client();
      const anonymous = await client.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      await client.login('lina', TEST_PASSWORD);
      const unknown = await client.post(DASHBOARD, { enterprise_customer_slug: 'nope' });

      expect(anonymous.status).toBe(403); // no csrftoken cookie yet: the CSRF check comes first
      expect(unknown.status).toBe(404);
      const fresh = app.client();
      await fresh.get('/api/auth/me');
      expect((await fresh.post(DASHBOARD, {})).status).toBe(401);
    });

    it('serves /waffle_status anonymously and sets a long-lived HttpOnly SameSite=Lax anonymous-id cookie once', async () => {
      const client = app.client();

      const first = await client.get('/waffle_status');
      const second = await client.get('/waffle_status');

      expect(first.status).toBe(200);
      const cookie = first.setCookies.get('waffle_anonymous_id');
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(Number(/Max-Age=(\d+)/.exec(cookie ?? '')?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
      expect(second.setCookies.has('waffle_anonymous_id')).toBe(false);
      expect(first.body.flags['always.on']).toEqual({ is_active: true, last_modified: expect.any(String) });
      expect(first.body.enterprise_features_meta.username).toBeNull();
      // The anonymous visitor is bucketed by the cookie: same answers on every request.
      expect(second.body.enterprise_features).toEqual(first.body.enterprise_features);
      const anonymousId = client.cookies.get('waffle_anonymous_id')!;
      for (const name of SPLIT_FLAGS) {
        expect(first.body.flags[name].is_active).toBe(bucketOf(name, anonymousId) < 500);
      }
    });

    it('gives the same user the same percentage results through the BFF (bearer, no cookies) as through the browser', async () => {
      const browser = app.client();
      const token = await browser.login('lina', TEST_PASSWORD);
      await browser.get('/waffle_status');

      const browserList = await browser.get(LEARNER_LIST);
      const browserDashboard = await browser.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      const bff = await app.client().post(
        DASHBOARD,
        { enterprise_customer_slug: 'acme' },
        {
          noCookies: true,
          headers: { authorization: `Bearer ${token}` },
        },
      );

      expect(bff.status).toBe(200);
      expect(bff.setCookies.size).toBe(0);
      expect(bff.body.enterprise_features).toEqual(browserDashboard.body.enterprise_features);
      expect(bff.body.enterprise_features).toEqual(
        browserList.body.enterprise_features_by_customer[acme.uuid],
      );
      const values = SPLIT_FLAGS.map((name) => bff.body.enterprise_features[name]);
      expect(values).toEqual(SPLIT_FLAGS.map((name) => bucketOf(name, String(lina.id)) < 500));
      expect(new Set(values).size).toBe(2);
    });

    it('keeps one-decimal percentages exact in the snapshot', () => {
      const flag = app.runtime.snapshot.state.snapshot.flags.find((f) => f.name === 'exact.percent');
      expect(flag?.percent).toBe(33.3);
      expect(flag?.enterprisePercentages).toEqual({ [acme.uuid]: 12.5 });
    });

    it('shows a committed write in the very next response, with a higher snapshot version', async () => {
      const client = app.client();
      await client.login('lina', TEST_PASSWORD);
      await app.build.flag('fresh.flag', { everyone: false });
      const before = await client.post(DASHBOARD, { enterprise_customer_slug: 'bluebird' });

      await app.build.updateFlag('fresh.flag', { everyone: true });
      const after = await client.post(DASHBOARD, { enterprise_customer_slug: 'bluebird' });

      expect(before.body.enterprise_features['fresh.flag']).toBe(false);
      expect(after.body.enterprise_features['fresh.flag']).toBe(true);
      expect(after.body.enterprise_features_meta.version).toBeGreaterThan(
        before.body.enterprise_features_meta.version,
      );
    });

    it('carries every switch as waffle_switches, and an admin switch change in the very next response', async () => {
      const learner = app.client();
      await learner.login('lina', TEST_PASSWORD);
      const staff = app.client();
      await staff.login('sam', TEST_PASSWORD);
      expect((await staff.post('/api/admin/switches', { name: 'maintenance.banner' })).status).toBe(201);
      const before = await learner.post(DASHBOARD, { enterprise_customer_slug: 'acme' });

      expect(
        (await staff.request('PATCH', '/api/admin/switches/maintenance.banner', { body: { active: true } }))
          .status,
      ).toBe(200);
      const after = await learner.post(DASHBOARD, { enterprise_customer_slug: 'acme' });
      const list = await learner.get(LEARNER_LIST);

      expect(before.body.waffle_switches).toMatchObject({ 'maintenance.banner': false });
      expect(after.body.waffle_switches).toMatchObject({ 'maintenance.banner': true });
      expect(list.body.waffle_switches).toMatchObject({ 'maintenance.banner': true });
    });

    it('leaves the snapshot alone when a write rolls back', async () => {
      const version = app.runtime.snapshot.version;
      const attempt = app.runtime.inTransaction(async () => {
        throw new Error('rolled back on purpose');
      });

      await expect(attempt).rejects.toThrow('rolled back on purpose');
      await app.runtime.sync.check();
      expect(app.runtime.snapshot.version).toBe(version);
    });
  });
}
