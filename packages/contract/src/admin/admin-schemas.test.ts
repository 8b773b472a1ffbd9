import { describe, expect, it } from 'vitest';
import { auditListResponseSchema } from './audit-schema.js';
import { flagDetailSchema, flagListResponseSchema, flagSchema } from './flag-schemas.js';
import { flagSetSchema } from './named-object-schemas.js';
import { sessionUserSchema } from './people-schemas.js';

// biome-ignore lint/suspicious/noExplicitAny: the cases reach into the body loosely, on purpose
type Body = Record<string, any>;

const ACME = '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01';
const flag = (): Body => ({
  name: 'enterprise.dashboard_v2',
  everyone: null,
  percent: 10,
  testing: false,
  superusers: true,
  staff: false,
  authenticated: false,
  languages: ['en'],
  users: ['alice'],
  groups: ['beta'],
  sets: ['learner-portal'],
  rollout: false,
  note: '',
  created: '2026-11-01T09:00:00.000Z',
  modified: '2026-11-20T09:00:00.000Z',
  version: 3,
  enterprise_percentages: [{ enterprise_customer_uuid: ACME, percent: 30 }],
});

describe('the admin schemas', () => {
  it('accept a flag, its detail with learner counts, a list, a flag set and a session user as the server sends them', () => {
    const detail = flag();
    detail.enterprise_percentages[0] = {
      ...detail.enterprise_percentages[0],
      linked_learners: 4,
      learners_on: 1,
    };
    expect(flagSchema.safeParse(flag()).success).toBe(true);
    expect(flagDetailSchema.safeParse(detail).success).toBe(true);
    expect(flagListResponseSchema.safeParse({ count: 1, results: [flag()] }).success).toBe(true);
    const set = {
      name: 'learner-portal',
      note: '',
      created: flag().created,
      modified: flag().modified,
      version: 1,
    };
    expect(flagSetSchema.safeParse(set).success).toBe(true);
    const user = {
      id: 7,
      username: 'alice',
      is_staff: false,
      is_superuser: false,
      language: null,
      groups: [],
      linked_enterprise_customer_uuids: [ACME],
    };
    expect(sessionUserSchema.safeParse(user).success).toBe(true);
  });

  it.each([
    ['an extra key', (b: Body) => (b.colour = 'blue')],
    ['a missing key', (b: Body) => delete b.sets],
    [
      'a camelCased key',
      (b: Body) => {
        b.enterprisePercentages = b.enterprise_percentages;
        delete b.enterprise_percentages;
      },
    ],
    ['a percent with two decimals', (b: Body) => (b.percent = 33.33)],
    ['a version that is not a number', (b: Body) => (b.version = '3')],
    ['a time that is not ISO 8601', (b: Body) => (b.modified = 'yesterday')],
    ['a set name no server stores', (b: Body) => (b.sets = ['has space'])],
    ['learner counts outside the detail', (b: Body) => (b.enterprise_percentages[0].learners_on = 1)],
  ])('reject a flag with %s', (_, drift) => {
    const body = flag();
    drift(body);
    expect(flagSchema.safeParse(body).success).toBe(false);
  });

  it('rejects a detail without learner counts and a list whose count is not its length', () => {
    expect(flagDetailSchema.safeParse(flag()).success).toBe(false);
    expect(flagListResponseSchema.safeParse({ count: 2, results: [flag()] }).success).toBe(false);
  });

  it('rejects an audit entry with an action the server never writes', () => {
    const entry = {
      id: 1,
      actor: 'sam',
      action: 'rename',
      object_type: 'flag',
      object_name: 'a',
      before: null,
      after: flag(),
      created: flag().created,
    };
    expect(auditListResponseSchema.safeParse({ count: 1, results: [entry] }).success).toBe(false);
    expect(
      auditListResponseSchema.safeParse({ count: 1, results: [{ ...entry, action: 'update' }] }).success,
    ).toBe(true);
  });
});
