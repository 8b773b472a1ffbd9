import type { FlagValues } from './types.js';

/** The sessionStorage key that keeps overrides for the tab's session. */
export const OVERRIDES_KEY = 'waffle-kit:overrides';

/**
 * Reads local overrides: those kept for this tab, plus `?feature=name` (on) and `?feature=!name`
 * (off) from the URL, which are added to them and kept. An empty `?feature=` clears them. Repeat
 * the parameter for several flags.
 */
export function readOverrides(search: string, storage: Pick<Storage, 'getItem' | 'setItem'>): FlagValues {
  let overrides: FlagValues = JSON.parse(storage.getItem(OVERRIDES_KEY) || '{}');
  for (const param of new URLSearchParams(search).getAll('feature')) {
    if (param) overrides[param.replace(/^!/, '')] = param[0] !== '!';
    else overrides = {};
  }
  storage.setItem(OVERRIDES_KEY, JSON.stringify(overrides));
  return overrides;
}
