// @vitest-environment node

import {
  enterpriseLearnerResponseSchema,
  errorResponseSchema,
  learnerDashboardResponseSchema,
  waffleStatusResponseSchema,
} from '@waffle-kit/contract';
import { describe, expect, it } from 'vitest';
import { fetchJson, LEARNER, postDashboard, setupTestServer, WAFFLE_STATUS } from '../../test/msw-server.js';
import { DEMO_ENTERPRISES } from '../fixtures/demo-fixtures.js';
import { learnerPortalHandlers } from './learner-portal-handlers.js';

const server = setupTestServer();
const [ACME, BLUEBIRD] = DEMO_ENTERPRISES.map((enterprise) => enterprise.uuid) as [string, string];

const fixtures = {
  flags: { 'enterprise.dashboard_v2': false, 'enterprise.search': true },
  flagsByCustomer: { acme: { 'enterprise.dashboard_v2': true } },
};

/** The fixtures, served as the learner portal's set. */
const learnerPortalSet = {
  ...fixtures,
  sets: { 'learner-portal': ['enterprise.dashboard_v2'], admin: ['enterprise.search'] },
  set: 'learner-portal',
};

describe('learnerPortalHandlers', () => {
  it('answers the learner list with global flags, flags per linked customer and a meta, as the schema says', async () => {
    server.use(...learnerPortalHandlers(fixtures));
    const { status, body } = await fetchJson(LEARNER);
    expect(status).toBe(200);
    const page = enterpriseLearnerResponseSchema.parse(body);
    expect(page.results.map((link) => link.enterprise_customer?.slug)).toEqual(['acme', 'bluebird']);
    expect(page.enterprise_features).toEqual({ 'enterprise.dashboard_v2': false, 'enterprise.search': true });
    expect(page.enterprise_features_by_customer).toEqual({
      [ACME]: { 'enterprise.dashboard_v2': true, 'enterprise.search': true },
      [BLUEBIRD]: { 'enterprise.dashboard_v2': false, 'enterprise.search': true },
    });
    expect(page.enterprise_features_meta).toMatchObject({
      version: 1,
      username: 'alice',
      enterprise_customer_uuid: null,
    });
  });

  it('stamps evaluated_at with the time of the answer', async () => {
    server.use(...learnerPortalHandlers(fixtures));
    const before = Date.now();
    const page = enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body);
    expect(page.enterprise_features_meta.evaluated_at).toBeGreaterThanOrEqual(before);
    expect(page.enterprise_features_meta.evaluated_at).toBeLessThanOrEqual(Date.now());
  });

  it('paginates the learner list as the server does', async () => {
    server.use(...learnerPortalHandlers(fixtures));
    const first = enterpriseLearnerResponseSchema.parse((await fetchJson(`${LEARNER}?page_size=1`)).body);
    expect(first).toMatchObject({ count: 2, num_pages: 2, current_page: 1, start: 0, previous: null });
    expect(first.next).toBe(`${LEARNER}?page_size=1&page=2`);
    expect(Object.keys(first.enterprise_features_by_customer)).toEqual([ACME]);
    const second = enterpriseLearnerResponseSchema.parse((await fetchJson(first.next!)).body);
    expect(second.results[0]?.enterprise_customer?.slug).toBe('bluebird');
    expect(second.previous).toBe(`${LEARNER}?page_size=1&page=1`);
  });

  it('answers the dashboard with flags evaluated for the customer it names', async () => {
    server.use(...learnerPortalHandlers(fixtures));
    const acme = learnerDashboardResponseSchema.parse((await postDashboard('acme')).body);
    expect(acme.enterprise_features['enterprise.dashboard_v2']).toBe(true);
    expect(acme.enterprise_features_meta.enterprise_customer_uuid).toBe(ACME);
    expect(acme.enterprise_course_enrollments.map((e) => e.display_name)).toEqual([
      'Data Science 101',
      'SQL for Analysts',
    ]);
    const bluebird = learnerDashboardResponseSchema.parse((await postDashboard('bluebird')).body);
    expect(bluebird.enterprise_features['enterprise.dashboard_v2']).toBe(false);
    expect(bluebird.enterprise_features_meta.enterprise_customer_uuid).toBe(BLUEBIRD);
  });

  it('uses the first active link when the dashboard request names no customer', async () => {
    server.use(
      ...learnerPortalHandlers({
        ...fixtures,
        enterprises: [{ ...DEMO_ENTERPRISES[0]!, linkActive: false }, DEMO_ENTERPRISES[1]!],
      }),
    );
    const body = learnerDashboardResponseSchema.parse((await postDashboard()).body);
    expect(body.enterprise_customer?.slug).toBe('bluebird');
    expect(body.active_enterprise_customer?.slug).toBe('bluebird');
  });

  it('lists an inactive link without per-customer flags, and answers 403 for its dashboard', async () => {
    const cedar = { uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000c03', slug: 'cedar', name: 'Cedar Health' };
    server.use(
      ...learnerPortalHandlers({
        ...fixtures,
        enterprises: [...DEMO_ENTERPRISES, { ...cedar, linkActive: false }],
      }),
    );
    const page = enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body);
    expect(page.results.map((link) => link.active)).toEqual([true, true, false]);
    expect(Object.keys(page.enterprise_features_by_customer)).toEqual([ACME, BLUEBIRD]);
    expect((await postDashboard('cedar')).status).toBe(403);
  });

  it('answers /waffle_status in Waffle’s shape with the same values embedded', async () => {
    server.use(
      ...learnerPortalHandlers({
        ...fixtures,
        switches: { 'enterprise.emails_enabled': true },
        samples: { 'enterprise.survey_prompt': false },
      }),
    );
    const status = waffleStatusResponseSchema.parse((await fetchJson(WAFFLE_STATUS)).body);
    expect(status.flags['enterprise.search']?.is_active).toBe(true);
    expect(status.switches['enterprise.emails_enabled']?.is_active).toBe(true);
    expect(status.samples['enterprise.survey_prompt']?.is_active).toBe(false);
    const forAcme = waffleStatusResponseSchema.parse(
      (await fetchJson(`${WAFFLE_STATUS}?enterprise_customer_uuid=${ACME}`)).body,
    );
    expect(forAcme.flags['enterprise.dashboard_v2']?.is_active).toBe(true);
    expect(forAcme.enterprise_features_meta.enterprise_customer_uuid).toBe(ACME);
  });

  it('answers errors in the server’s shape: 401 anonymous, 403 not linked, 404 unknown slug', async () => {
    server.use(...learnerPortalHandlers({ user: null }));
    const anonymous = await fetchJson(LEARNER);
    expect(anonymous.status).toBe(401);
    expect(errorResponseSchema.parse(anonymous.body).error.code).toBe('not_authenticated');
    const anonymousStatus = waffleStatusResponseSchema.parse((await fetchJson(WAFFLE_STATUS)).body);
    expect(anonymousStatus.enterprise_features_meta.username).toBeNull();

    server.use(...learnerPortalHandlers({}));
    const elsewhere = await fetchJson(
      `${WAFFLE_STATUS}?enterprise_customer_uuid=6d2f4a9e-1c3b-4e5f-8a7b-000000000c03`,
    );
    expect(elsewhere.status).toBe(403);
    expect(errorResponseSchema.parse(elsewhere.body).error.code).toBe('permission_denied');
    const unknown = await postDashboard('nowhere');
    expect(unknown.status).toBe(404);
    expect(errorResponseSchema.parse(unknown.body).error.code).toBe('not_found');
  });

  it('reads fixtures given as a function on every request', async () => {
    let on = false;
    server.use(...learnerPortalHandlers(() => ({ flags: { 'enterprise.dashboard_v2': on } })));
    const read = async () =>
      enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body).enterprise_features;
    expect(await read()).toEqual({ 'enterprise.dashboard_v2': false });
    on = true;
    expect(await read()).toEqual({ 'enterprise.dashboard_v2': true });
  });

  it('answers only at baseUrl when one is given', async () => {
    server.use(...learnerPortalHandlers({ ...fixtures, baseUrl: 'http://api.test' }));
    expect((await fetchJson('http://api.test/waffle_status')).status).toBe(200);
    await expect(fetch(WAFFLE_STATUS)).rejects.toThrow();
  });

  it('serves only the set it is scoped to, globally and per customer', async () => {
    server.use(...learnerPortalHandlers(learnerPortalSet));
    const page = enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body);
    expect(page.enterprise_features).toEqual({ 'enterprise.dashboard_v2': false });
    expect(page.enterprise_features_by_customer).toEqual({
      [ACME]: { 'enterprise.dashboard_v2': true },
      [BLUEBIRD]: { 'enterprise.dashboard_v2': false },
    });
    const dashboard = learnerDashboardResponseSchema.parse((await postDashboard('acme')).body);
    expect(dashboard.enterprise_features).toEqual({ 'enterprise.dashboard_v2': true });
  });

  it('embeds nothing for a set the fixtures do not define, and every flag while they define none', async () => {
    server.use(
      ...learnerPortalHandlers({
        ...fixtures,
        sets: { admin: ['enterprise.search'] },
        set: 'learner-portal',
      }),
    );
    expect(
      enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body).enterprise_features,
    ).toEqual({});
    server.use(...learnerPortalHandlers({ ...fixtures, set: 'learner-portal' }));
    expect(
      Object.keys(enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body).enterprise_features),
    ).toEqual(['enterprise.dashboard_v2', 'enterprise.search']);
  });

  it('answers /waffle_status?set=a,b with those sets, over the fixtures’ own', async () => {
    server.use(...learnerPortalHandlers(learnerPortalSet));
    const own = waffleStatusResponseSchema.parse((await fetchJson(WAFFLE_STATUS)).body);
    expect(Object.keys(own.flags)).toEqual(['enterprise.dashboard_v2']);
    const admin = waffleStatusResponseSchema.parse((await fetchJson(`${WAFFLE_STATUS}?set=admin`)).body);
    expect(admin.enterprise_features).toEqual({ 'enterprise.search': true });
    const both = waffleStatusResponseSchema.parse(
      (await fetchJson(`${WAFFLE_STATUS}?set=admin,learner-portal`)).body,
    );
    expect(Object.keys(both.flags).sort()).toEqual(['enterprise.dashboard_v2', 'enterprise.search']);
  });

  it('rejects a set or set member name no server can store', () => {
    expect(() => learnerPortalHandlers({ sets: { 'learner portal': [] } })).toThrow(
      /sets has the name "learner portal", which no server can store/,
    );
    expect(() => learnerPortalHandlers({ sets: { admin: ['audit log'] } })).toThrow(
      /sets\["admin"\] has the name "audit log"/,
    );
    expect(() => learnerPortalHandlers({ set: ['admin', 'learner portal'] })).toThrow(
      /set has the name "learner portal"/,
    );
  });

  it('rejects a flag name no server can store, saying which and why', () => {
    expect(() => learnerPortalHandlers({ flags: { 'enterprise dashboard': true } })).toThrow(
      /flags has the name "enterprise dashboard", which no server can store/,
    );
  });

  it('rejects flagsByCustomer and enrollments naming an enterprise that is not in enterprises', () => {
    expect(() => learnerPortalHandlers({ flagsByCustomer: { globex: { a: true } } })).toThrow(
      /flagsByCustomer names the enterprise "globex", which is not in enterprises \(acme, bluebird\)/,
    );
    expect(() =>
      learnerPortalHandlers({
        enterprises: [],
        enrollments: [{ enterprise: 'acme', courseRunId: 'x', displayName: 'X' }],
      }),
    ).toThrow(/the enrollment x names the enterprise "acme"/);
  });
});
