import type { Flag } from '../api/index.js';

export type EveryoneFilter = 'any' | 'on' | 'off' | 'unset';

export interface FlagFilters {
  readonly everyone: EveryoneFilter;
  /** Only flags with a global percentage or at least one enterprise percentage. */
  readonly hasPercentages: boolean;
  readonly testing: boolean;
}

export const NO_FILTERS: FlagFilters = { everyone: 'any', hasPercentages: false, testing: false };

export function hasPercentages(flag: Flag): boolean {
  return (flag.percent !== null && flag.percent > 0) || (flag.enterprise_percentages?.length ?? 0) > 0;
}

const EVERYONE_VALUE: Record<Exclude<EveryoneFilter, 'any'>, boolean | null> = {
  on: true,
  off: false,
  unset: null,
};

/** The list's filters (search and set are the server's `?search=`, on name and note, and `?set=`). */
export function filterFlags(flags: readonly Flag[], filters: FlagFilters): Flag[] {
  return flags.filter(
    (flag) =>
      (filters.everyone === 'any' || flag.everyone === EVERYONE_VALUE[filters.everyone]) &&
      (!filters.hasPercentages || hasPercentages(flag)) &&
      (!filters.testing || flag.testing),
  );
}

/** "Yes", "No" or "Unknown", as Waffle's admin shows the tri-state `everyone`. */
export function everyoneLabel(everyone: boolean | null): string {
  if (everyone === null) return 'Unknown';
  return everyone ? 'Yes' : 'No';
}
