// @vitest-environment node

import { enterpriseLearnerResponseSchema, waffleStatusResponseSchema } from '@waffle-kit/contract';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fetchJson, LEARNER, setupTestServer, WAFFLE_STATUS } from '../../test/msw-server.js';
import { DEMO_ENTERPRISES } from '../fixtures/demo-fixtures.js';
import { learnerPortalHandlers, learnerPortalResolvers } from './learner-portal-handlers.js';
import { withFlags } from './with-flags.js';

const server = setupTestServer();
const COURSES = 'http://localhost/api/courses';
const ACME = DEMO_ENTERPRISES[0]!.uuid;
const base = { flags: { 'enterprise.dashboard_v2': false, 'enterprise.search': true } };

describe('withFlags', () => {
  it('adds enterprise_features and a fresh meta to a JSON response that had none', async () => {
    server.use(
      http.get(
        COURSES,
        withFlags({ 'enterprise.dashboard_v2': true }, () => HttpResponse.json({ results: [] })),
      ),
    );
    const before = Date.now();
    const { status, body } = await fetchJson(COURSES);
    expect(status).toBe(200);
    expect(body).toEqual({
      results: [],
      enterprise_features: { 'enterprise.dashboard_v2': true },
      enterprise_features_meta: {
        version: 0,
        evaluated_at: expect.any(Number),
        username: null,
        enterprise_customer_uuid: null,
      },
    });
    expect(
      (body as { enterprise_features_meta: { evaluated_at: number } }).enterprise_features_meta.evaluated_at,
    ).toBeGreaterThanOrEqual(before);
  });

  it('overrides the wrapped values, per customer too, keeps the rest and stamps the meta later', async () => {
    server.use(...learnerPortalHandlers(base));
    const original = enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body);
    server.use(
      http.get(
        LEARNER,
        withFlags({ 'enterprise.dashboard_v2': true }, learnerPortalResolvers(base).enterpriseLearner),
      ),
    );
    const patched = enterpriseLearnerResponseSchema.parse((await fetchJson(LEARNER)).body);
    expect(patched.enterprise_features).toEqual({
      'enterprise.dashboard_v2': true,
      'enterprise.search': true,
    });
    expect(patched.enterprise_features_by_customer[ACME]).toEqual({
      'enterprise.dashboard_v2': true,
      'enterprise.search': true,
    });
    expect(patched.results).toEqual(original.results);
    expect(patched.enterprise_features_meta).toMatchObject({
      version: 1,
      username: 'alice',
      enterprise_customer_uuid: null,
    });
    expect(patched.enterprise_features_meta.evaluated_at).toBeGreaterThanOrEqual(
      original.enterprise_features_meta.evaluated_at,
    );
  });

  it('patches a /waffle_status body’s flags along with enterprise_features', async () => {
    server.use(
      http.get(
        WAFFLE_STATUS,
        withFlags({ 'enterprise.search': false }, learnerPortalResolvers(base).waffleStatus),
      ),
    );
    const body = waffleStatusResponseSchema.parse((await fetchJson(WAFFLE_STATUS)).body);
    expect(body.flags['enterprise.search']).toEqual({ is_active: false, last_modified: expect.any(String) });
    expect(body.enterprise_features['enterprise.search']).toBe(false);
  });

  it('adds only the flags of the set the route serves', async () => {
    const flags = { 'enterprise.dashboard_v2': true, 'admin.audit_v2': true };
    const sets = { 'learner-portal': ['enterprise.dashboard_v2'] };
    const courses = () => HttpResponse.json({ results: [] });
    server.use(http.get(COURSES, withFlags(flags, courses, { sets, set: 'learner-portal' })));
    expect((await fetchJson(COURSES)).body).toMatchObject({
      enterprise_features: { 'enterprise.dashboard_v2': true },
    });
    expect((await fetchJson(COURSES)).body).not.toHaveProperty(['enterprise_features', 'admin.audit_v2']);
    server.use(http.get(COURSES, withFlags(flags, courses, { sets, set: 'mobile' })));
    expect((await fetchJson(COURSES)).body).toMatchObject({ enterprise_features: {} });
  });

  it('reads flags given as a function on every response', async () => {
    let on = false;
    server.use(
      http.get(
        COURSES,
        withFlags(
          () => ({ beta: on }),
          () => HttpResponse.json({}),
        ),
      ),
    );
    expect((await fetchJson(COURSES)).body).toMatchObject({ enterprise_features: { beta: false } });
    on = true;
    expect((await fetchJson(COURSES)).body).toMatchObject({ enterprise_features: { beta: true } });
  });

  it('lets error statuses, non-JSON bodies, JSON arrays and network errors through untouched', async () => {
    const flags = { beta: true };
    server.use(
      http.get(
        `${COURSES}/error`,
        withFlags(flags, () => HttpResponse.json({ error: { code: 'x', message: 'y' } }, { status: 500 })),
      ),
      http.get(
        `${COURSES}/text`,
        withFlags(flags, () => HttpResponse.text('plain')),
      ),
      http.get(
        `${COURSES}/array`,
        withFlags(flags, () => HttpResponse.json([1, 2])),
      ),
      http.get(
        `${COURSES}/down`,
        withFlags(flags, () => HttpResponse.error()),
      ),
    );
    expect(await fetchJson(`${COURSES}/error`)).toEqual({
      status: 500,
      body: { error: { code: 'x', message: 'y' } },
    });
    expect(await (await fetch(`${COURSES}/text`)).text()).toBe('plain');
    expect((await fetchJson(`${COURSES}/array`)).body).toEqual([1, 2]);
    await expect(fetch(`${COURSES}/down`)).rejects.toThrow();
  });

  it('falls through to the next handler when the wrapped resolver returns nothing', async () => {
    server.use(
      http.get(
        COURSES,
        withFlags({ beta: true }, () => undefined),
      ),
      http.get(COURSES, () => HttpResponse.json({ from: 'next handler' })),
    );
    expect((await fetchJson(COURSES)).body).toEqual({ from: 'next handler' });
  });
});
