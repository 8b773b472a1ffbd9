import type { Flag, FlagUser } from './types.js';

export type UserRule = 'authenticated' | 'staff' | 'superuser' | 'user' | 'group';

/** Which of the flag's user rules turns it on for this user, in Waffle's order, or null. */
export function matchUserRule(flag: Flag, user: FlagUser): UserRule | null {
  if (flag.authenticated && user.isAuthenticated) return 'authenticated';
  if (flag.staff && user.isStaff) return 'staff';
  if (flag.superusers && user.isSuperuser) return 'superuser';
  if (user.isAuthenticated && flag.users.includes(user.username)) return 'user';
  if (user.groups.some((group) => flag.groups.includes(group))) return 'group';
  return null;
}

/**
 * Waffle's `Flag.is_active_for_user`: is the flag on for this user by `everyone` or a user rule?
 * Unlike Waffle, `everyone: false` turns it off for everybody here too.
 *
 * @example
 * isActiveForUser({ ...flag, staff: true }, staffUser); // true
 */
export function isActiveForUser(flag: Flag, user: FlagUser): boolean {
  if (flag.everyone !== null) return flag.everyone;
  return matchUserRule(flag, user) !== null;
}
