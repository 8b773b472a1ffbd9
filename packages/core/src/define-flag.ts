import type { Flag } from './types.js';

/**
 * A flag with Waffle's defaults for every field not given: nobody gets it but superusers
 * (`superusers: true`, as in Waffle), no percentage, no lists.
 *
 * @example
 * defineFlag({ name: 'enterprise.dashboard_v2', enterprisePercentages: { [acmeUuid]: 30 } });
 */
export function defineFlag(fields: Partial<Flag> & Pick<Flag, 'name'>): Flag {
  return {
    everyone: null,
    percent: null,
    testing: false,
    superusers: true,
    staff: false,
    authenticated: false,
    languages: [],
    users: [],
    groups: [],
    rollout: false,
    ...fields,
  };
}
