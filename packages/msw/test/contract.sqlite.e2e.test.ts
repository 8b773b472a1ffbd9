// @vitest-environment node

import {
  type EnterpriseLearnerResponse,
  enterpriseLearnerResponseSchema,
  errorResponseSchema,
  type LearnerDashboardResponse,
  learnerDashboardResponseSchema,
  type WaffleStatusResponse,
  waffleStatusResponseSchema,
} from '@waffle-kit/contract';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES } from '@waffle-kit/server';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { LearnerPortalFixtures } from '../src/index.js';
import { learnerPortalHandlers } from '../src/index.js';
import { type RealServer, Session, startRealServer } from './real-server.js';

// The contract: the real server's responses and the mocks' are checked against the same schemas,
// and mocks fed the real server's data answer the same bodies. A change on either side that the
// other does not follow fails here.

const LEARNER = '/enterprise/api/v1/enterprise-learner/';
const DASHBOARD = '/api/v1/bffs/learner/dashboard/';
const MOCK = 'http://mock.test';
const password = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.password;
const uuidOf = (slug: string) => DEMO_ENTERPRISES.find((e) => e.slug === slug)!.uuid;

/** Values that differ between any two answers (clock, snapshot version, row timestamps, host). */
function comparable(body: unknown, origin: string): unknown {
  return JSON.parse(JSON.stringify(body).replaceAll(origin, 'ORIGIN'), (key, value) => {
    if (key === 'evaluated_at' || key === 'version') return 0;
    if (key === 'last_modified') return null;
    return value;
  });
}

function parse<T>(schema: z.ZodType<T>, answer: { status: number; body: unknown }): T {
  expect(answer.status).toBe(200);
  return schema.parse(answer.body);
}

describe('the response contract, against the real server (SQLite file, demo seed)', () => {
  let real: RealServer;
  let alice: Session;
  let anonymous: Session;
  const mocks = setupServer();

  beforeAll(async () => {
    real = await startRealServer();
    // Beyond the demo seed: an inactive link (listed, but evaluated as a non-member).
    const admin = await Session.login(real.url, 'admin', password('admin'));
    const link = await admin.json('POST', `/api/admin/enterprise-customers/${uuidOf('cedar')}/learners`, {
      username: 'alice',
      active: false,
      linked: true,
    });
    expect(link.status).toBeLessThan(300);
    alice = await Session.login(real.url, 'alice', password('alice'));
    anonymous = new Session(real.url);
    mocks.listen({ onUnhandledRequest: 'bypass' }); // the real server's requests go through
  });
  afterAll(async () => {
    mocks.close();
    await real?.close();
  });

  describe('the real server’s responses validate against the schemas the mocks are checked with', () => {
    it('the learner list, globally and per linked customer', async () => {
      const page = parse(enterpriseLearnerResponseSchema, await alice.json('GET', LEARNER));
      expect(page.results.map((link) => [link.enterprise_customer?.slug, link.active])).toEqual([
        ['acme', true],
        ['bluebird', true],
        ['cedar', false],
      ]);
      expect(page.enterprise_features_by_customer[uuidOf('acme')]?.['enterprise.dashboard_v2']).toBe(true);
      expect(Object.keys(page.enterprise_features_by_customer)).not.toContain(uuidOf('cedar'));
      expect(page.enterprise_features_meta.username).toBe('alice');
    });

    it('a paginated learner list with next and previous links', async () => {
      const first = parse(enterpriseLearnerResponseSchema, await alice.json('GET', `${LEARNER}?page_size=1`));
      expect(first.next).not.toBeNull();
      const second = parse(
        enterpriseLearnerResponseSchema,
        await alice.json('GET', new URL(first.next!).pathname + new URL(first.next!).search),
      );
      expect(second.previous).not.toBeNull();
    });

    it('the dashboard BFF for each linked customer, and without one', async () => {
      for (const slug of ['acme', 'bluebird']) {
        const body = parse(
          learnerDashboardResponseSchema,
          await alice.json('POST', DASHBOARD, { enterprise_customer_slug: slug }),
        );
        expect(body.enterprise_features_meta.enterprise_customer_uuid).toBe(uuidOf(slug));
        expect(body.enterprise_course_enrollments.length).toBeGreaterThan(0);
      }
      parse(learnerDashboardResponseSchema, await alice.json('POST', DASHBOARD, {}));
    });

    it('/waffle_status, anonymous and for a customer', async () => {
      const global = parse(waffleStatusResponseSchema, await anonymous.json('GET', '/waffle_status'));
      expect(global.enterprise_features_meta.username).toBeNull();
      expect(Object.keys(global.switches)).toContain('enterprise.emails_enabled');
      const acme = parse(
        waffleStatusResponseSchema,
        await alice.json('GET', `/waffle_status?enterprise_customer_uuid=${uuidOf('acme')}`),
      );
      expect(acme.enterprise_features_meta.enterprise_customer_uuid).toBe(uuidOf('acme'));
    });

    it('the error bodies: 401 anonymous, 403 not linked or inactive, 404 unknown slug', async () => {
      const cases = [
        [await anonymous.json('GET', LEARNER), 401, 'not_authenticated'],
        [
          await alice.json('GET', `/waffle_status?enterprise_customer_uuid=${uuidOf('cedar')}`),
          403,
          'permission_denied',
        ],
        [
          await alice.json('POST', DASHBOARD, { enterprise_customer_slug: 'cedar' }),
          403,
          'permission_denied',
        ],
        [await alice.json('POST', DASHBOARD, { enterprise_customer_slug: 'nowhere' }), 404, 'not_found'],
      ] as const;
      for (const [answer, status, code] of cases) {
        expect(answer.status).toBe(status);
        expect(errorResponseSchema.parse(answer.body).error.code).toBe(code);
      }
    });
  });

  describe('mocks fed the real server’s data answer what the real server answers', () => {
    let fixtures: LearnerPortalFixtures;
    let realPage: EnterpriseLearnerResponse;
    let realDashboards: Record<string, LearnerDashboardResponse>;
    let realStatus: WaffleStatusResponse;

    beforeAll(async () => {
      realPage = parse(enterpriseLearnerResponseSchema, await alice.json('GET', LEARNER));
      realDashboards = {};
      for (const slug of ['acme', 'bluebird']) {
        realDashboards[slug] = parse(
          learnerDashboardResponseSchema,
          await alice.json('POST', DASHBOARD, { enterprise_customer_slug: slug }),
        );
      }
      realStatus = parse(waffleStatusResponseSchema, await alice.json('GET', '/waffle_status'));
      const link = realPage.results[0]!;
      fixtures = {
        baseUrl: MOCK,
        user: link.user,
        flags: realPage.enterprise_features,
        flagsByCustomer: realPage.enterprise_features_by_customer,
        enterprises: realPage.results.map(({ enterprise_customer: customer, active, id }) => ({
          ...customer!,
          linkActive: active,
          linkId: id,
        })),
        enrollments: Object.entries(realDashboards).flatMap(([slug, dashboard]) =>
          dashboard.enterprise_course_enrollments.map((enrollment) => ({
            enterprise: slug,
            courseRunId: enrollment.course_run_id,
            displayName: enrollment.display_name,
            orgName: enrollment.org_name,
            status: enrollment.course_run_status,
            created: enrollment.created,
          })),
        ),
        switches: Object.fromEntries(Object.entries(realStatus.switches).map(([n, s]) => [n, s.is_active])),
        samples: Object.fromEntries(Object.entries(realStatus.samples).map(([n, s]) => [n, s.is_active])),
      };
      mocks.use(...learnerPortalHandlers(fixtures));
    });

    const mock = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${MOCK}${path}`, init);
      return { status: response.status, body: await response.json() };
    };
    const postMock = (slug: string) =>
      mock(DASHBOARD, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ enterprise_customer_slug: slug }),
      });

    it('the learner list, field for field', async () => {
      const mocked = parse(enterpriseLearnerResponseSchema, await mock(LEARNER));
      expect(comparable(mocked, MOCK)).toEqual(comparable(realPage, real.url));
    });

    it('a paginated learner list, links included', async () => {
      const mocked = parse(enterpriseLearnerResponseSchema, await mock(`${LEARNER}?page_size=1&page=2`));
      const actual = parse(
        enterpriseLearnerResponseSchema,
        await alice.json('GET', `${LEARNER}?page_size=1&page=2`),
      );
      expect(comparable(mocked, MOCK)).toEqual(comparable(actual, real.url));
    });

    it('the dashboard for each customer, field for field', async () => {
      for (const slug of ['acme', 'bluebird']) {
        const mocked = parse(learnerDashboardResponseSchema, await postMock(slug));
        expect(comparable(mocked, MOCK)).toEqual(comparable(realDashboards[slug], real.url));
      }
    });

    it('the same errors for an inactive link and an unknown slug', async () => {
      for (const slug of ['cedar', 'nowhere']) {
        const mocked = await postMock(slug);
        const actual = await alice.json('POST', DASHBOARD, { enterprise_customer_slug: slug });
        expect(mocked.status).toBe(actual.status);
        expect(errorResponseSchema.parse(mocked.body)).toEqual(errorResponseSchema.parse(actual.body));
      }
    });

    it('/waffle_status, field for field', async () => {
      const mocked = parse(waffleStatusResponseSchema, await mock('/waffle_status'));
      expect(comparable(mocked, MOCK)).toEqual(comparable(realStatus, real.url));
    });
  });
});
