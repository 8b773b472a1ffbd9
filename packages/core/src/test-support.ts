// Builders for the tests of this package: a flag with Waffle's defaults, users of each kind.
import { ANONYMOUS_USER } from './anonymous-user.js';
import { defineFlag } from './define-flag.js';
import type { Flag, FlagUser } from './types.js';

export function flag(overrides: Partial<Flag> = {}): Flag {
  return defineFlag({ name: 'enterprise.dashboard_v2', ...overrides });
}

export function learner(overrides: Partial<FlagUser> = {}): FlagUser {
  return {
    id: 7,
    username: 'alice',
    isAuthenticated: true,
    isStaff: false,
    isSuperuser: false,
    groups: [],
    language: null,
    linkedEnterpriseCustomerUuids: [],
    ...overrides,
  };
}

export const anonymous: FlagUser = ANONYMOUS_USER;

export const ACME = '11111111-1111-4111-8111-111111111111';
export const GLOBEX = '22222222-2222-4222-8222-222222222222';
