import {
  compile,
  defineFlag,
  describeEvaluation,
  evaluate,
  evaluateAll,
  type FlagUser,
} from '@waffle-kit/core';

// Waffle's defaults for every field not given: off for everybody but superusers.
const flag = defineFlag({
  name: 'enterprise.dashboard_v2',
  percent: 0,
  enterprisePercentages: { 'acme-uuid': 30 },
});
const alice: FlagUser = {
  id: 7,
  username: 'alice',
  isAuthenticated: true,
  isStaff: false,
  isSuperuser: false,
  groups: [],
  linkedEnterpriseCustomerUuids: ['acme-uuid'],
};

export const result = evaluate(flag, { user: alice, enterpriseCustomerUuid: 'acme-uuid' });
// { value: true, reason: 'enterprise_percent', bucket: 211, percent: 30, enterpriseCustomerUuid: 'acme-uuid' }
export const why = describeEvaluation(result, { enterpriseName: 'Acme' });
// 'on: enterprise percentage 30% for Acme, bucket 211 < 300'

// Every flag for one request, fast: compile once per snapshot, evaluate per request.
const compiled = compile({ flags: [flag], switches: [], samples: [] });
export const inAcme = evaluateAll(compiled, { user: alice, enterpriseCustomerUuid: 'acme-uuid' });
// { 'enterprise.dashboard_v2': true }
export const elsewhere = evaluateAll(compiled, { user: alice });
// { 'enterprise.dashboard_v2': false }: no enterprise named, and the global percent is 0
