// @vitest-environment node

import { enterpriseLearnerResponseSchema } from '@waffle-kit/contract';
import { http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LEARNER } from '../../test/msw-server.js';
import { setupFlagServer } from '../node.js';
import { learnerPortalResolvers } from './learner-portal-handlers.js';
import { withFlags } from './with-flags.js';

// The usual MSW setup: base handlers for the whole file, `server.use()` for one test,
// `resetHandlers()` after each. Each test stands alone (any order, or alone with -t).
const base = { flags: { 'enterprise.dashboard_v2': false } };
const server = setupFlagServer(base);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const dashboardV2 = async () => {
  const body = enterpriseLearnerResponseSchema.parse(await (await fetch(LEARNER)).json());
  return body.enterprise_features['enterprise.dashboard_v2'];
};

const overrideDashboardV2 = () =>
  server.use(
    http.get(
      '*/enterprise/api/v1/enterprise-learner/',
      withFlags({ 'enterprise.dashboard_v2': true }, learnerPortalResolvers(base).enterpriseLearner),
    ),
  );

describe('a one-test withFlags override with server.use()', () => {
  it('starts from the file’s base handlers', async () => {
    expect(await dashboardV2()).toBe(false);
  });

  it('turns the flag on while it is in place, and is gone after resetHandlers() (what afterEach runs)', async () => {
    expect(await dashboardV2()).toBe(false);
    overrideDashboardV2();
    expect(await dashboardV2()).toBe(true);
    server.resetHandlers();
    expect(await dashboardV2()).toBe(false);
  });
});
