import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FlagProvider, type FlagProviderProps } from '@waffle-kit/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { FlagValues } from '../fixtures/fixture-types.js';

/** The query under which `FlagTestProvider` puts its flags into the cache. */
export const FLAG_TEST_QUERY_KEY = ['@waffle-kit/msw', 'flag-test-provider'] as const;

export interface FlagTestProviderProps extends FlagProviderProps {
  /** Global flag values, as a server response would carry them. */
  flags?: FlagValues;
  /** Values per enterprise customer uuid (`enterprise_features_by_customer`). */
  flagsByCustomer?: Record<string, FlagValues>;
  switches?: FlagValues;
  samples?: FlagValues;
  /** Default: a fresh client without retries. */
  queryClient?: QueryClient;
}

/** A fresh QueryClient as tests want it: no retries, so a failure shows at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

interface Values {
  flags?: FlagValues;
  flagsByCustomer?: Record<string, FlagValues>;
  switches?: FlagValues;
  samples?: FlagValues;
  user?: string | null;
}

/** A response body as the server would send it, stamped now. */
function payload(values: Values) {
  const wrap = (items: FlagValues | undefined) =>
    items &&
    Object.fromEntries(
      Object.entries(items).map(([name, isActive]) => [name, { is_active: isActive, last_modified: null }]),
    );
  return {
    enterprise_features: values.flags ?? {},
    enterprise_features_by_customer: values.flagsByCustomer ?? {},
    enterprise_features_meta: {
      version: 1,
      evaluated_at: Date.now(),
      username: values.user ?? null,
      enterprise_customer_uuid: null,
    },
    waffle_switches: values.switches ?? {},
    samples: wrap(values.samples),
  };
}

/**
 * `QueryClientProvider` + `FlagProvider` with the given flags already known, for unit tests that
 * need no network: the flags go into the query cache as a server response would carry them, so
 * the real `FlagProvider` harvests them (nothing of the SDK is mocked). New `flags` props are
 * picked up as a newer response. Without `allowOverrides`, `?feature=` overrides are off.
 *
 * @example
 * render(
 *   <FlagTestProvider flags={{ 'enterprise.dashboard_v2': true }}>
 *     <Dashboard />
 *   </FlagTestProvider>,
 * );
 */
export function FlagTestProvider(props: FlagTestProviderProps) {
  const { flags, flagsByCustomer, switches, samples, queryClient, children, ...provider } = props;
  const { user } = provider;
  const [client] = useState(() => {
    const created = queryClient ?? createTestQueryClient();
    // Known at the first render: the provider reads what the cache holds when it is made.
    created.setQueryData(FLAG_TEST_QUERY_KEY, payload({ flags, flagsByCustomer, switches, samples, user }));
    return created;
  });
  const seeded = useRef(false);
  useEffect(() => {
    // New values after the first render arrive as a newer response would.
    if (seeded.current)
      client.setQueryData(FLAG_TEST_QUERY_KEY, payload({ flags, flagsByCustomer, switches, samples, user }));
    seeded.current = true;
  }, [client, flags, flagsByCustomer, switches, samples, user]);
  return (
    <QueryClientProvider client={client}>
      <FlagProvider allowOverrides={false} {...provider}>
        {children as ReactNode}
      </FlagProvider>
    </QueryClientProvider>
  );
}
