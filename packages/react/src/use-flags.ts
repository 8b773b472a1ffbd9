import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useFlagContext } from './flag-context.js';
import { BOOTSTRAP_TIME, type FlagState, GLOBAL } from './flag-store.js';
import { useSyncExternalStore } from './react.js';
import type { FlagSource, FlagsStatus, FlagValues } from './types.js';
import { flagValue } from './use-flag.js';

/** Remembers the last result per key, so a snapshot keeps its identity until its inputs change. */
function useMemoByKey<K extends unknown[], T>(compute: (...key: K) => T): (...key: K) => T {
  const memo = useRef<[K, T]>(null);
  return (...key) => {
    if (!memo.current || memo.current[0].some((part, i) => part !== key[i]))
      memo.current = [key, compute(...key)];
    return memo.current[1];
  };
}

/**
 * Every known flag with its value (defaults, global and customer values, overrides). Re-renders
 * whenever any flag changes: prefer `useFlag` in components.
 */
export function useFlags(): Readonly<FlagValues> {
  const { store, customer } = useFlagContext();
  const select = useMemoByKey((state: FlagState) => {
    const { scopes } = state;
    const names = {
      ...store.options.defaults,
      ...scopes[GLOBAL],
      ...(customer && scopes[customer]),
      ...store.overrides,
    };
    const values: FlagValues = {};
    for (const name in names) values[name] = flagValue(store, name, customer, state);
    return values;
  });
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(store.initial),
  );
}

/** Where the values come from, as a whole. */
function sourceOf(state: FlagState, overrides: FlagValues): FlagSource {
  if (Object.keys(overrides).length) return 'overrides';
  let source: FlagSource = 'defaults';
  for (const key in state.scopes) {
    for (const entry of Object.values(state.scopes[key]!)) {
      if (entry[1] !== BOOTSTRAP_TIME) return 'server';
      source = 'bootstrap';
    }
  }
  return source;
}

/**
 * Whether flags are known yet, where they come from and which local overrides are active.
 *
 * @example
 * const { status, source } = useFlagsStatus();
 * if (status === 'loading') return <Spinner />;
 */
export function useFlagsStatus(): FlagsStatus {
  const { store } = useFlagContext();
  const cache = useQueryClient(store.options.queryClient).getQueryCache();
  // Failed: nothing known, none of the queries that should carry flags is still fetching, and one
  // failed, or (when `flagQueryKey` says which queries carry flags) one succeeded without them.
  const failed = useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => {
      if (store.getState().ready) return false;
      const { flagQueryKey } = store.options;
      const queries = cache.findAll({ queryKey: flagQueryKey });
      return (
        !queries.some((query) => query.state.fetchStatus === 'fetching') &&
        queries.some(
          ({ state }) =>
            state.status === 'error' || (flagQueryKey !== undefined && state.status === 'success'),
        )
      );
    },
    () => false,
  );
  const select = useMemoByKey((state: FlagState, failed: boolean): FlagsStatus => {
    const overrides: FlagValues = {};
    for (const [name, entry] of Object.entries(store.overrides)) overrides[name] = entry[0];
    const status = state.ready ? 'ready' : failed ? 'error' : 'loading';
    return { status, source: sourceOf(state, overrides), overrides };
  });
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState(), failed),
    () => select(store.initial, false),
  );
}
