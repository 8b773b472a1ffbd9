import {
  adminEnterpriseCustomerListResponseSchema,
  adminUserListResponseSchema,
  auditListResponseSchema,
  flagDetailSchema,
  flagListResponseSchema,
  flagSchema,
  groupListResponseSchema,
  linkedLearnerListResponseSchema,
  meResponseSchema,
  sampleListResponseSchema,
  switchListResponseSchema,
} from '@waffle-kit/contract';
import { API_PATHS, pathTo } from '@waffle-kit/contract/routes';
import { describe, expect, it } from 'vitest';
import { apiRequest } from '../api/index.js';
import { ACME } from './fixtures.js';

/** A contract schema, as far as this test uses it (zod is the contract's dependency, not the page's). */
interface Schema {
  safeParse(body: unknown): { success: true } | { success: false; error: { issues: unknown[] } };
}

/** The zod issues that make an answer drift from the server's contract (none: it keeps it). */
async function issuesOf(schema: Schema, answer: Promise<unknown>) {
  const result = schema.safeParse(await answer);
  return result.success ? [] : result.error.issues;
}

// The page's tests run against this hand-written fake of the admin API: it is only worth its
// name while it answers what the server answers.
describe('the mock admin API', () => {
  it('answers every read in the contract’s shape', async () => {
    await apiRequest('POST', API_PATHS.login, { body: { username: 'sam', password: 'staff-pass' } });
    const reads: Array<[Schema, string]> = [
      [meResponseSchema, API_PATHS.me],
      [flagListResponseSchema, API_PATHS.flags],
      [flagDetailSchema, pathTo(API_PATHS.flag, { name: 'enterprise.dashboard_v2' })],
      [switchListResponseSchema, API_PATHS.switches],
      [sampleListResponseSchema, API_PATHS.samples],
      [adminUserListResponseSchema, API_PATHS.users],
      [groupListResponseSchema, API_PATHS.groups],
      [adminEnterpriseCustomerListResponseSchema, API_PATHS.enterpriseCustomers],
      [linkedLearnerListResponseSchema, pathTo(API_PATHS.enterpriseCustomerLearners, { uuid: ACME })],
    ];
    for (const [schema, path] of reads) {
      expect(await issuesOf(schema, apiRequest('GET', path)), path).toEqual([]);
    }
  });

  it('answers a flag write and audits it in the contract’s shape', async () => {
    await apiRequest('POST', API_PATHS.login, { body: { username: 'sam', password: 'staff-pass' } });
    const path = pathTo(API_PATHS.flag, { name: 'enterprise.dashboard_v2' });
    const patched = apiRequest('PATCH', path, { body: { note: 'x' }, ifMatch: 3 });
    expect(await issuesOf(flagSchema, patched)).toEqual([]);
    expect(await issuesOf(auditListResponseSchema, apiRequest('GET', API_PATHS.audit))).toEqual([]);
  });
});
