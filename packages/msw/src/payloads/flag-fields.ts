import type { EnterpriseFeaturesMeta, LearnerDashboardResponse } from '@waffle-kit/contract';
import type { ResolvedFixtures } from '../fixtures/fixture-types.js';
import { flagsFor } from '../fixtures/resolve-fixtures.js';

/** `enterprise_features_meta` for a response evaluated now. */
export function metaFor(
  fixtures: ResolvedFixtures,
  customerUuid: string | null,
  now = Date.now(),
): EnterpriseFeaturesMeta {
  return {
    version: fixtures.version,
    evaluated_at: now,
    username: fixtures.user?.username ?? null,
    enterprise_customer_uuid: customerUuid,
  };
}

/**
 * The fields the server's embedding adds to a response: `enterprise_features` for one customer
 * (or globally) and the served sets, its meta, and every switch (switches are in no set).
 */
export function embeddedFlags(
  fixtures: ResolvedFixtures,
  customerUuid: string | null,
  now = Date.now(),
  set = fixtures.set,
): Pick<LearnerDashboardResponse, 'enterprise_features' | 'enterprise_features_meta' | 'waffle_switches'> {
  return {
    enterprise_features: flagsFor(fixtures, customerUuid, set),
    enterprise_features_meta: metaFor(fixtures, customerUuid, now),
    waffle_switches: { ...fixtures.switches },
  };
}
