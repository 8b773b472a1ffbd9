// The environment-neutral entry: handlers and wrappers built on `msw` alone. `setupServer` lives
// in `@waffle-kit/msw/node`, `setupWorker` in `@waffle-kit/msw/browser`.
export type {
  EnterpriseFeaturesMeta,
  EnterpriseLearnerResponse,
  LearnerDashboardResponse,
  WaffleStatusResponse,
} from '@waffle-kit/contract';
export { DEMO_ENROLLMENTS, DEMO_ENTERPRISES, DEMO_USER, demoFixtures } from './fixtures/demo-fixtures.js';
export { createFixtureStore, type FixtureStore } from './fixtures/fixture-store.js';
export type {
  EnrollmentFixture,
  EnterpriseFixture,
  FixturesInput,
  FlagSets,
  FlagValues,
  LearnerPortalFixtures,
  ResolvedFixtures,
  UserFixture,
} from './fixtures/fixture-types.js';
export { flagsInSets } from './fixtures/flag-sets.js';
export { flagsFor, resolveFixtures } from './fixtures/resolve-fixtures.js';
export { ENDPOINTS, type EndpointName, endpointUrl } from './handlers/endpoints.js';
export { flagScenarios, type OutOfOrderOptions, type ScenarioOptions } from './handlers/flag-scenarios.js';
export {
  type LearnerPortalResolvers,
  learnerPortalHandlers,
  learnerPortalResolvers,
} from './handlers/learner-portal-handlers.js';
export { patchFlagFields, patchResponseFlags } from './handlers/patch-flag-fields.js';
export { type PatchFlagsOptions, patchFlags } from './handlers/patch-flags.js';
export { type FlagsInput, type WithFlagsOptions, withFlags } from './handlers/with-flags.js';
export { enterpriseLearnerResponse, learnerDashboardResponse } from './payloads/learner-payloads.js';
export type { MockResponse } from './payloads/mock-response.js';
export { FIXTURE_LAST_MODIFIED, waffleStatusResponse } from './payloads/waffle-status-payload.js';
