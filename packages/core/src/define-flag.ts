import type { Flag } from './types.js';

/**
 * Waffle's defaults for a new flag: nobody gets it but superusers (`superusers: true`, as in
 * Waffle), no percentage, no lists. Every other default (the admin page's new-flag form, test
 * fixtures) is built from this one.
 */
export const FLAG_DEFAULTS: Readonly<Omit<Flag, 'name' | 'enterprisePercentages'>> = Object.freeze({
  everyone: null,
  percent: null,
  testing: false,
  superusers: true,
  staff: false,
  authenticated: false,
  languages: Object.freeze([]),
  users: Object.freeze([]),
  groups: Object.freeze([]),
  rollout: false,
});

/**
 * A flag with {@link FLAG_DEFAULTS} for every field not given.
 *
 * @example
 * defineFlag({ name: 'enterprise.dashboard_v2', enterprisePercentages: { [acmeUuid]: 30 } });
 */
export function defineFlag(fields: Partial<Flag> & Pick<Flag, 'name'>): Flag {
  return { ...FLAG_DEFAULTS, ...fields };
}
