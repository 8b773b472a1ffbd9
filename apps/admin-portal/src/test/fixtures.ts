import { FLAG_DEFAULTS } from '@waffle-kit/core';
import type { AdminUser, EnterpriseCustomer, FlagDetail, FlagSet, SessionUser } from '../api/index.js';

// Payloads shaped like DESIGN.md's HTTP API answers, with the demo's names.

export const ACME = '6f0a1b2c-0000-4000-8000-00000000ac01';
export const GLOBEX = '6f0a1b2c-0000-4000-8000-0000000b0b02';

export const staffUser: SessionUser = {
  id: 1,
  username: 'sam',
  is_staff: true,
  is_superuser: false,
  groups: [],
};
export const learnerUser: SessionUser = {
  id: 7,
  username: 'alice',
  is_staff: false,
  is_superuser: false,
  groups: [],
};

export const customers: EnterpriseCustomer[] = [
  { uuid: ACME, slug: 'acme', name: 'Acme Corp', active: true },
  { uuid: GLOBEX, slug: 'globex', name: 'Globex', active: true },
];

export const users: AdminUser[] = [
  { username: 'alice', is_staff: false, is_superuser: false, groups: ['beta'] },
  { username: 'bob', is_staff: false, is_superuser: false, groups: [] },
  { username: 'sam', is_staff: true, is_superuser: false, groups: [] },
];

export const groups = [{ name: 'beta' }, { name: 'support' }];

export function flag(fields: Partial<FlagDetail> & { name: string }): FlagDetail {
  return {
    ...FLAG_DEFAULTS,
    note: '',
    sets: [],
    created: '2026-11-01T09:00:00.000Z',
    modified: '2026-11-20T09:00:00.000Z',
    version: 3,
    enterprise_percentages: [],
    ...fields,
  };
}

export function demoFlags(): FlagDetail[] {
  return [
    flag({
      name: 'enterprise.dashboard_v2',
      percent: 10,
      note: 'Redesigned learner dashboard',
      sets: ['learner-portal'],
      enterprise_percentages: [
        { enterprise_customer_uuid: ACME, percent: 30, linked_learners: 40, learners_on: 12 },
      ],
    }),
    flag({
      name: 'search.suggestions',
      everyone: true,
      note: 'Typeahead in the course search',
      sets: ['learner-portal', 'admin'],
    }),
    flag({ name: 'billing.new_invoices', everyone: false, testing: true, note: 'QA only', sets: ['admin'] }),
    flag({ name: 'catalog.beta', groups: ['beta'], note: 'For the <b>beta</b> group' }),
  ];
}

export function demoFlagSets(): FlagSet[] {
  return [
    { name: 'learner-portal', note: 'Flags the learner portal reads', version: 1 },
    { name: 'admin', note: '', version: 1 },
    { name: 'marketing', note: 'Campaign pages', version: 1 },
  ];
}
