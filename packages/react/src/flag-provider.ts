import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { FlagContext } from './flag-context.js';
import { createFlagStore } from './flag-store.js';
import { readOverrides } from './overrides.js';
import { createElement, type ReactNode, useEffect, useMemo, useState } from './react.js';
import type { FlagExtractor, FlagValues } from './types.js';

declare const process: { env: { NODE_ENV?: string } };

/** Local overrides, when allowed: by default everywhere but in production builds. */
function overridesFor(allow: boolean | undefined) {
  try {
    // Bundlers replace `process.env.NODE_ENV`; without one `process` may not exist (production).
    // `location` does not exist on the server, and storage can throw (disabled storage, sandboxed
    // frames): then there are no overrides.
    if (allow ?? process.env.NODE_ENV !== 'production') return readOverrides(location.search, sessionStorage);
  } catch {}
}

export interface FlagProviderProps {
  children?: ReactNode;
  /** The client whose cache carries the flags; the one from `QueryClientProvider` by default. */
  queryClient?: QueryClient;
  /** Values for flags no response has carried yet (else false). Read at render. */
  defaults?: FlagValues;
  /** Server values known before any query, e.g. from server rendering. */
  bootstrap?: FlagValues;
  /** The active enterprise customer: its values win over the global ones. */
  enterpriseCustomerUuid?: string | null;
  /** The logged-in username (null: anonymous). When it changes, the previous user's flags are dropped. */
  user?: string | null;
  /** Honour `?feature=name` / `?feature=!name`. Default: on except in production builds. Read once. */
  allowOverrides?: boolean;
  /** Called from an effect, at most once per (flag, value, user), once flags are known. */
  onExposure?: (name: string, value: boolean) => void;
  /** Finds flags in a query's data; `extractFlags` by default. Read once. */
  extract?: FlagExtractor;
  /** Only these queries count when deciding `useFlagsStatus().status === 'error'`; any query by default. */
  flagQueryKey?: QueryKey;
}

/**
 * Harvests flags from the TanStack Query cache (no request of its own) for `useFlag` and friends.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <FlagProvider defaults={{ 'enterprise.dashboard_v2': false }}>
 *     <App />
 *   </FlagProvider>
 * </QueryClientProvider>
 */
export function FlagProvider(props: FlagProviderProps) {
  const client = useQueryClient(props.queryClient);
  const { user, enterpriseCustomerUuid: customer } = props;
  // A new store when the named user changes: the previous user's flags go with the old one.
  // (Adjusting state during render when a prop changes, as React's docs describe.)
  const create = (since: number) =>
    createFlagStore(client.getQueryCache(), props, overridesFor(props.allowOverrides), since);
  const [[storeUser, current], setCurrent] = useState(() => [user, create(0)] as const);
  const store = storeUser === user ? current : create(Date.now());
  if (store !== current) setCurrent([user, store]);
  store.options = props; // the latest defaults and onExposure
  useEffect(() => store.connect(), [store]);
  const value = useMemo(() => ({ store, customer }), [store, customer]);
  return createElement(FlagContext.Provider, { value }, props.children);
}
