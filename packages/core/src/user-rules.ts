import { evaluate } from './evaluate.js';
import type { Flag, FlagUser } from './types.js';

export type UserRule = 'authenticated' | 'staff' | 'superuser' | 'user' | 'group';

/**
 * Waffle's `Flag.is_active_for_user`: is the flag on for this user by `everyone` or a user rule?
 * Unlike Waffle, `everyone: false` turns it off for everybody here too.
 *
 * @example
 * isActiveForUser({ ...flag, staff: true }, staffUser); // true
 */
export function isActiveForUser(flag: Flag, user: FlagUser): boolean {
  // The rules of `rules.ts` with only `everyone` and the user rules left to decide.
  const userRulesOnly = { ...flag, testing: false, languages: [], percent: null, enterprisePercentages: {} };
  return evaluate(userRulesOnly, { user }).value;
}
