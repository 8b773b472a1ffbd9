import type { Query, QueryCache, QueryClient, QueryKey } from '@tanstack/react-query';
import { extractFlags } from './extract-flags.js';
import type { FlagExtractor, FlagValues, WireValues } from './types.js';

/** One value and the stamp of the response it came from: [value, time, version]. */
export type FlagEntry = readonly [value: boolean, time: number, version: number];
/** Values by name. */
export type FlagScope = Readonly<Record<string, FlagEntry>>;

/** Scope keys besides enterprise customer uuids (36 characters, never empty nor one letter). */
export const GLOBAL = '';
export const SWITCHES = 's';
export const SAMPLES = 'm';
/** Bootstrap values are stamped before any response, so the first response replaces them. */
export const BOOTSTRAP_TIME = -1;
/** Overrides are stamped after every response, so no response replaces them. */
export const OVERRIDE_TIME = 1e16;

/** Immutable: every change makes a new state, so React compares snapshots cheaply. */
export interface FlagState {
  /** Scopes by key: `GLOBAL`, an enterprise customer uuid, `SWITCHES`, `SAMPLES`. */
  readonly scopes: Readonly<Record<string, FlagScope>>;
  /** True once a response (or bootstrap) carried flags. */
  readonly ready: boolean;
}

/**
 * Read at creation, except `defaults`, `onExposure` and `flagQueryKey`, which are read when used
 * (the provider replaces `store.options` with its latest props at every render).
 */
export interface FlagStoreOptions {
  /** The client whose cache carries the flags, when not the one from `QueryClientProvider`. */
  queryClient?: QueryClient;
  /** Values for flags no response has carried (else false). */
  defaults?: FlagValues;
  /** Called once per (user, flag, value) by `expose`. */
  onExposure?: (name: string, value: boolean) => void;
  /** Server values known before any query (server rendering). */
  bootstrap?: FlagValues;
  /** The user the host names: other users' flags are ignored. Undefined: follow `enterprise_features_meta.username`. */
  user?: string | null;
  extract?: FlagExtractor;
  /** Only these queries count for `useFlagsStatus().status === 'error'`; any query when not given. */
  flagQueryKey?: QueryKey;
}

const EMPTY: FlagScope = {};

/** Writes values into one scope, except where it holds a newer entry; the same scopes if nothing changed. */
function merge(
  scopes: FlagState['scopes'],
  key: string,
  values: WireValues | undefined,
  time: number,
  version = 0,
): FlagState['scopes'] {
  const scope = scopes[key] ?? EMPTY;
  let next: Record<string, FlagEntry> | undefined;
  for (const name in values) {
    const entry = scope[name];
    const wire = values[name];
    // A boolean, or `{ is_active }` as in `/waffle_status`.
    const value = ((wire as { is_active?: unknown })?.is_active ?? wire) === true;
    // On the same stamp the later response wins.
    if (!entry || time > entry[1] || (time === entry[1] && version >= entry[2])) {
      next ??= { ...scope };
      next[name] = [value, time, version];
    }
  }
  return next ? { ...scopes, [key]: next } : scopes;
}

/**
 * A framework-free flag store fed by a TanStack `QueryCache`: it harvests the flags that query
 * data carries and keeps, per flag, the value from the newest response.
 *
 * `since`: a store made because the named user changed (a new store per user is how the previous
 * user's flags are dropped) ignores the bootstrap and flags without `enterprise_features_meta`
 * (which name no user) from responses older than this time.
 */
export function createFlagStore(
  cache: QueryCache,
  options: FlagStoreOptions = {},
  overrides?: FlagValues,
  since = 0,
) {
  const extract = options.extract ?? extractFlags;
  const listeners = new Set<() => void>();
  const exposed = new Set<string>();
  const bootstrap = since ? undefined : options.bootstrap;
  const initial: FlagState = {
    scopes: merge({}, GLOBAL, bootstrap, BOOTSTRAP_TIME),
    ready: !!bootstrap,
  };
  let state = initial;
  // Whose flags the store holds (undefined: not known yet; fixed when the host names the user)
  // and the newest time seen for them.
  let user = options.user;
  let userTime = 0;

  const set = (next: FlagState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const harvest = (query: Query) => {
    const { data, dataUpdatedAt } = query.state;
    const payload = data !== undefined && extract(data);
    if (!payload) return;
    const meta = payload.enterprise_features_meta;
    const time = meta?.evaluated_at ?? dataUpdatedAt;
    const version = meta?.version;
    let { scopes } = state;
    if (meta) {
      if (meta.username !== user) {
        // Another user's flags: ignore them when the host named the user or when they are older
        // than what we hold; otherwise the user changed, so drop the previous user's flags.
        if (options.user !== undefined) return;
        if (user !== undefined) {
          if (time < userTime) return;
          scopes = {}; // overrides stay: they belong to the tab
        }
        user = meta.username;
      }
      if (time > userTime) userTime = time;
    } else if (dataUpdatedAt < since) return;
    const into = (key: string, values: WireValues | undefined) => {
      scopes = merge(scopes, key, values, time, version);
    };
    const byCustomer = payload.enterprise_features_by_customer;
    for (const uuid in byCustomer) into(uuid, byCustomer[uuid]);
    into(meta?.enterprise_customer_uuid || GLOBAL, payload.enterprise_features);
    into(SWITCHES, payload.switches);
    into(SAMPLES, payload.samples);
    set({ scopes, ready: true });
  };

  const harvestAll = () => cache.getAll().forEach(harvest);
  harvestAll();

  const store = {
    options,
    /** Local overrides, fixed when the store is made. */
    overrides: merge({}, GLOBAL, overrides, OVERRIDE_TIME)[GLOBAL] ?? EMPTY,
    getState: () => state,
    /** What server rendering and hydration see: bootstrap values (and defaults) only. */
    initial,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Follows the cache; returns the function that stops following it. */
    connect() {
      // New data: a query added with data (hydration) or a success (fetch or setQueryData).
      const unsubscribe = cache.subscribe((event) => {
        if ('action' in event ? event.action.type === 'success' : event.type === 'added')
          harvest(event.query);
      });
      harvestAll(); // anything that arrived between the first render and now
      return unsubscribe;
    },
    /** The entry that decides a flag: override, else the customer's, else the global one. */
    entry: (name: string, customer: string | null | undefined, from: FlagState): FlagEntry | undefined =>
      store.overrides[name] || (customer && from.scopes[customer]?.[name]) || from.scopes[GLOBAL]?.[name],
    /** Calls `onExposure` once per (user, flag, value). */
    expose(name: string, value: boolean) {
      const key = `${[user, name, value]}`; // names hold no commas
      if (!exposed.has(key)) {
        exposed.add(key);
        store.options.onExposure?.(name, value);
      }
    },
  };
  return store;
}

export type FlagStore = ReturnType<typeof createFlagStore>;
