import type { FlagUser } from './types.js';

/**
 * The anonymous visitor as a user object (`isAuthenticated: false`, no id, no groups, no linked
 * customers): what a request without a session is evaluated for. `null` instead means no user
 * object at all, which rule 4 turns off.
 */
export const ANONYMOUS_USER: FlagUser = Object.freeze({
  id: null,
  username: '',
  isAuthenticated: false,
  isStaff: false,
  isSuperuser: false,
  groups: Object.freeze([]),
  linkedEnterpriseCustomerUuids: Object.freeze([]),
});
