import { useFlagContext } from './flag-context.js';
import { BOOTSTRAP_TIME, type FlagState, type FlagStore, OVERRIDE_TIME } from './flag-store.js';
import { useEffect, useSyncExternalStore } from './react.js';
import type { FlagName, FlagSource } from './types.js';

/** A flag's value: its entry's, else the default, else false. */
export const flagValue = (
  store: FlagStore,
  name: string,
  customer: string | null | undefined,
  state: FlagState,
) => store.entry(name, customer, state)?.[0] ?? store.options.defaults?.[name] === true;

/**
 * A flag's value: the server's (the active enterprise customer's first), else the provider's
 * default, else false. Re-renders only when this flag's value changes.
 *
 * @example
 * const on = useFlag('enterprise.dashboard_v2');
 */
export function useFlag(name: FlagName): boolean {
  const { store, customer } = useFlagContext();
  // One number, so React compares a primitive: bit 0 the value, bit 1 "flags are known".
  const read = (state = store.getState()) => +flagValue(store, name, customer, state) | (+state.ready << 1);
  const code = useSyncExternalStore(
    store.subscribe,
    () => read(),
    () => read(store.initial),
  );
  const value = !!(code & 1);
  useEffect(() => {
    if (code & 2) store.expose(name, value);
  }, [store, name, code]); // code holds value
  return value;
}

/** Where a flag's value comes from: `overrides`, `server`, `bootstrap` or `defaults`. */
export function useFlagSource(name: FlagName): FlagSource {
  const { store, customer } = useFlagContext();
  const read = (state = store.getState()): FlagSource => {
    const time = store.entry(name, customer, state)?.[1];
    if (time === undefined) return 'defaults';
    return time === OVERRIDE_TIME ? 'overrides' : time === BOOTSTRAP_TIME ? 'bootstrap' : 'server';
  };
  return useSyncExternalStore(
    store.subscribe,
    () => read(),
    () => read(store.initial),
  );
}
