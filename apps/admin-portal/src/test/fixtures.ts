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
  language: null,
  groups: [],
  linked_enterprise_customer_uuids: [],
};
export const learnerUser: SessionUser = {
  id: 7,
  username: 'alice',
  is_staff: false,
  is_superuser: false,
  language: null,
  groups: [],
  linked_enterprise_customer_uuids: [ACME],
};

export const customers: EnterpriseCustomer[] = [
  { uuid: ACME, slug: 'acme', name: 'Acme Corp', active: true, version: 1 },
  { uuid: GLOBEX, slug: 'globex', name: 'Globex', active: true, version: 1 },
];

const user = (id: number, username: string, fields: Partial<AdminUser> = {}): AdminUser => ({
  id,
  username,
  email: null,
  is_staff: false,
  is_superuser: false,
  is_active: true,
  language: null,
  groups: [],
  has_password: true,
  version: 1,
  ...fields,
});

export const users: AdminUser[] = [
  user(7, 'alice', { groups: ['beta'] }),
  user(8, 'bob'),
  user(1, 'sam', { is_staff: true }),
];

export const groups = [
  { name: 'beta', version: 1 },
  { name: 'support', version: 1 },
];

/** When every fixture object was created and last changed. */
export const CREATED = '2026-11-01T09:00:00.000Z';
export const MODIFIED = '2026-11-20T09:00:00.000Z';

export function flag(fields: Partial<FlagDetail> & { name: string }): FlagDetail {
  const { languages, users, groups } = FLAG_DEFAULTS;
  return {
    // Waffle's defaults, with lists of their own (the defaults' are frozen).
    ...FLAG_DEFAULTS,
    languages: [...languages],
    users: [...users],
    groups: [...groups],
    note: '',
    sets: [],
    created: CREATED,
    modified: MODIFIED,
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

const stored = { created: CREATED, modified: MODIFIED, version: 1 };

export function demoFlagSets(): FlagSet[] {
  return [
    { name: 'learner-portal', note: 'Flags the learner portal reads', ...stored },
    { name: 'admin', note: '', ...stored },
    { name: 'marketing', note: 'Campaign pages', ...stored },
  ];
}
