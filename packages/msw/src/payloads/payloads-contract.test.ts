// @vitest-environment node

import {
  enterpriseLearnerResponseSchema,
  learnerDashboardResponseSchema,
  waffleStatusResponseSchema,
} from '@waffle-kit/contract';
import { describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES } from '../fixtures/demo-fixtures.js';
import { resolveFixtures } from '../fixtures/resolve-fixtures.js';
import { enterpriseLearnerResponse, learnerDashboardResponse } from './learner-payloads.js';
import { waffleStatusResponse } from './waffle-status-payload.js';

// The schemas are only worth their name if they reject a drifted body: each case below is one
// way a hand-written mock (or a server change) could drift.
// biome-ignore lint/suspicious/noExplicitAny: the cases reach into the body loosely, on purpose
type Body = Record<string, any>;

const fixtures = resolveFixtures({ flags: { 'enterprise.dashboard_v2': true } });
const url = new URL('http://localhost/enterprise/api/v1/enterprise-learner/');
const page = () => structuredClone(enterpriseLearnerResponse(fixtures, url).body) as Body;
const dashboard = () =>
  structuredClone(learnerDashboardResponse(fixtures, { enterprise_customer_slug: 'acme' }).body) as Body;
const status = () =>
  structuredClone(waffleStatusResponse(fixtures, new URL('http://localhost/waffle_status')).body) as Body;

describe('the response schemas', () => {
  it('accept the mocks’ bodies as they are', () => {
    expect(enterpriseLearnerResponseSchema.safeParse(page()).success).toBe(true);
    expect(learnerDashboardResponseSchema.safeParse(dashboard()).success).toBe(true);
    expect(waffleStatusResponseSchema.safeParse(status()).success).toBe(true);
  });

  it.each([
    ['a body without enterprise_features_meta', (b: Body) => delete b.enterprise_features_meta],
    [
      'camelCased flag fields',
      (b: Body) => {
        b.enterpriseFeatures = b.enterprise_features;
        delete b.enterprise_features;
      },
    ],
    [
      'a flag value that is not a boolean',
      (b: Body) => (b.enterprise_features['enterprise.dashboard_v2'] = 'true'),
    ],
    ['a flag name no server stores', (b: Body) => (b.enterprise_features['enterprise dashboard'] = true)],
    [
      'evaluated_at in seconds as a string',
      (b: Body) => (b.enterprise_features_meta.evaluated_at = '1763700000'),
    ],
    ['a field the server does not send', (b: Body) => (b.extra = 1)],
    [
      'a listed customer without its per-customer flags',
      (b: Body) => delete b.enterprise_features_by_customer[DEMO_ENTERPRISES[0]!.uuid],
    ],
    [
      'per-customer flags for a customer the user is not listed as an active member of',
      (b: Body) => (b.enterprise_features_by_customer['6d2f4a9e-1c3b-4e5f-8a7b-000000000c03'] = {}),
    ],
    [
      'a learner list evaluated for a customer',
      (b: Body) => (b.enterprise_features_meta.enterprise_customer_uuid = DEMO_ENTERPRISES[0]!.uuid),
    ],
  ])('reject a learner list with %s', (_, drift) => {
    const body = page();
    drift(body);
    expect(enterpriseLearnerResponseSchema.safeParse(body).success).toBe(false);
  });

  it('rejects a dashboard whose flags were evaluated for another customer', () => {
    const body = dashboard();
    body.enterprise_features_meta.enterprise_customer_uuid = DEMO_ENTERPRISES[1]!.uuid;
    expect(learnerDashboardResponseSchema.safeParse(body).success).toBe(false);
  });

  it('rejects a /waffle_status whose flags and enterprise_features disagree', () => {
    const body = status();
    body.flags['enterprise.dashboard_v2'].is_active = false;
    expect(waffleStatusResponseSchema.safeParse(body).success).toBe(false);
  });
});
