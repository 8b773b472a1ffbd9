import { matchQuery, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '@waffle-kit/contract/client';

export interface SessionQueryClientOptions {
  /** The query that holds the signed-in user (or null); a 401 from any other query empties it. */
  sessionKey: QueryKey;
  /** How long a query's data stays fresh, in ms (TanStack Query's `staleTime`); 0 by default. */
  staleTime?: number;
  /** How many times a failed query is tried again, unless it failed with a 4xx; 1 by default. */
  retries?: number;
}

/** A 4xx will not change on its own: trying again only delays the error. */
const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;

/**
 * A `QueryClient` for an app that talks to its API through `@waffle-kit/contract/client`. A 401
 * from any other query means the session ended: the session query's data becomes null, so the
 * app shows its login form (and a `FlagProvider` whose `user` comes from it drops that user's
 * flags). Client errors are not retried, other failures `retries` times; mutations never; no
 * refetch on window focus.
 *
 * @example
 * const queryClient = createSessionQueryClient({ sessionKey: ['me'], staleTime: 30_000 });
 */
export function createSessionQueryClient({
  sessionKey,
  staleTime = 0,
  retries = 1,
}: SessionQueryClientOptions): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (
          error instanceof ApiError &&
          error.status === 401 &&
          !matchQuery({ queryKey: sessionKey }, query)
        ) {
          client.setQueryData(sessionKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isClientError(error) && count < retries,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
