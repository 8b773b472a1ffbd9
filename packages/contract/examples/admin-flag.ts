import { type Flag, flagSchema } from '@waffle-kit/contract';
import { API_PATHS, pathTo } from '@waffle-kit/contract/routes';

// The path of a flag's enterprise percentage, its parameters URL-encoded.
export const path = pathTo(API_PATHS.flagEnterprisePercentage, {
  name: 'enterprise.dashboard_v2',
  uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01',
});
// path === '/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/6d2f4a9e-1c3b-4e5f-8a7b-000000000a01'

// A flag as `PUT` on that path answers it.
export const flag: Flag = {
  name: 'enterprise.dashboard_v2',
  everyone: null,
  percent: 10,
  testing: false,
  superusers: true,
  staff: false,
  authenticated: false,
  languages: [],
  users: [],
  groups: [],
  sets: ['learner-portal'],
  rollout: false,
  note: '',
  created: '2026-11-01T09:00:00.000Z',
  modified: '2026-11-20T09:00:00.000Z',
  version: 4,
  enterprise_percentages: [{ enterprise_customer_uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01', percent: 30 }],
};

// The schemas are strict: a renamed (camelCased) key is drift, and fails.
const { sets, ...withoutSets } = flag;
export const renamed = flagSchema.safeParse({ ...withoutSets, flagSets: sets });
// renamed.success === false
