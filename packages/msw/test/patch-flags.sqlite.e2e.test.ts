// @vitest-environment node

import {
  enterpriseLearnerResponseSchema,
  errorResponseSchema,
  learnerDashboardResponseSchema,
  waffleStatusResponseSchema,
} from '@waffle-kit/contract';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES } from '@waffle-kit/server';
import { bypass } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBackendWithFlags } from '../examples/patch-flags.js';
import { patchFlags } from '../src/index.js';
import { type RealServer, Session, startRealServer } from './real-server.js';

const ACME = DEMO_ENTERPRISES.find((e) => e.slug === 'acme')!.uuid;
const BLUEBIRD = DEMO_ENTERPRISES.find((e) => e.slug === 'bluebird')!.uuid;
// In the demo seed: legacy_reports is off for everyone, new_catalog_search on for everyone.
const patch = {
  'enterprise.legacy_reports': true,
  'enterprise.new_catalog_search': false,
  'enterprise.mock_only': true,
};

describe('patchFlags against a real running server (SQLite file, demo seed)', () => {
  let real: RealServer;
  let mocks: SetupServer;
  let alice: Session;

  beforeAll(async () => {
    real = await startRealServer();
    mocks = setupServer(...patchFlags(patch, { baseUrl: real.url, paths: ['/api/auth/me'] }));
    mocks.listen({ onUnhandledRequest: 'bypass' });
    const password = DEMO_ACCOUNTS.find((a) => a.username === 'alice')!.password;
    alice = await Session.login(real.url, 'alice', password); // through MSW: unhandled, so bypassed
  });
  afterAll(async () => {
    mocks?.close();
    await real?.close();
  });

  it('patches the learner list from the real server: globally and for every customer, the rest as served', async () => {
    const { status, body } = await alice.json('GET', '/enterprise/api/v1/enterprise-learner/');
    expect(status).toBe(200);
    const page = enterpriseLearnerResponseSchema.parse(body);
    expect(page.enterprise_features).toMatchObject(patch);
    expect(page.enterprise_features_by_customer[ACME]).toMatchObject(patch);
    expect(page.enterprise_features_by_customer[BLUEBIRD]).toMatchObject(patch);
    // Untouched: the real server's own evaluation (100% at Acme, on for every signed-in user).
    expect(page.enterprise_features_by_customer[ACME]?.['enterprise.dashboard_v2']).toBe(true);
    expect(page.enterprise_features['enterprise.signed_in_banner']).toBe(true);
    expect(page.results.map((link) => link.enterprise_customer?.slug)).toEqual(['acme', 'bluebird']);
    expect(page.enterprise_features_meta).toMatchObject({
      username: 'alice',
      enterprise_customer_uuid: null,
    });
  });

  it('differs from the real answer only in the patched flags and the meta', async () => {
    const path = '/enterprise/api/v1/enterprise-learner/';
    const patched = enterpriseLearnerResponseSchema.parse((await alice.json('GET', path)).body);
    const served = enterpriseLearnerResponseSchema.parse(
      (await alice.json('GET', path, undefined, bypass)).body,
    );
    expect(served.enterprise_features['enterprise.legacy_reports']).toBe(false);
    const without = (body: typeof served) => {
      const { enterprise_features_meta: _, ...rest } = body;
      const strip = (values: Record<string, boolean>) =>
        Object.fromEntries(Object.entries(values).filter(([name]) => !(name in patch)));
      return {
        ...rest,
        enterprise_features: strip(rest.enterprise_features),
        enterprise_features_by_customer: Object.fromEntries(
          Object.entries(rest.enterprise_features_by_customer).map(([uuid, values]) => [uuid, strip(values)]),
        ),
      };
    };
    expect(without(patched)).toEqual(without(served));
    expect(patched.enterprise_features_meta).toMatchObject({
      version: served.enterprise_features_meta.version,
      username: 'alice',
    });
  });

  it('patches the dashboard BFF (a POST with its body and CSRF header passed through)', async () => {
    const { status, body } = await alice.json('POST', '/api/v1/bffs/learner/dashboard/', {
      enterprise_customer_slug: 'bluebird',
    });
    expect(status).toBe(200);
    const dashboard = learnerDashboardResponseSchema.parse(body);
    expect(dashboard.enterprise_customer?.slug).toBe('bluebird');
    expect(dashboard.enterprise_features).toMatchObject(patch);
    expect(dashboard.enterprise_features_meta.enterprise_customer_uuid).toBe(BLUEBIRD);
  });

  it('patches /waffle_status: flags and enterprise_features agree', async () => {
    const status = waffleStatusResponseSchema.parse((await alice.json('GET', '/waffle_status')).body);
    expect(status.flags['enterprise.legacy_reports']?.is_active).toBe(true);
    expect(status.flags['enterprise.mock_only']).toEqual({ is_active: true, last_modified: null });
    expect(status.switches['enterprise.emails_enabled']?.is_active).toBe(true);
  });

  it('patches an extra path given in paths', async () => {
    const { status, body } = await alice.json('GET', '/api/auth/me');
    expect(status).toBe(200);
    expect(body).toMatchObject({ enterprise_features: patch });
  });

  it('lets the real server’s errors through unchanged', async () => {
    const anonymous = new Session(real.url);
    const { status, body } = await anonymous.json('GET', '/enterprise/api/v1/enterprise-learner/');
    expect(status).toBe(401);
    expect(errorResponseSchema.parse(body)).toEqual({
      error: { code: 'not_authenticated', message: expect.any(String) },
    });
  });

  it('works as the README example does (examples/patch-flags.ts)', async () => {
    mocks.close();
    const example = callBackendWithFlags(real.url);
    try {
      const page = enterpriseLearnerResponseSchema.parse(
        (await alice.json('GET', '/enterprise/api/v1/enterprise-learner/')).body,
      );
      // legacy_reports is off for everyone on the server; the patch turns it on everywhere.
      expect(page.enterprise_features['enterprise.legacy_reports']).toBe(true);
      expect(page.enterprise_features_by_customer[BLUEBIRD]?.['enterprise.legacy_reports']).toBe(true);
      expect(page.enterprise_features['enterprise.dashboard_v2']).toBe(true);
      expect(page.enterprise_features['enterprise.new_catalog_search']).toBe(true); // not patched here
    } finally {
      example.close();
    }
  });
});
