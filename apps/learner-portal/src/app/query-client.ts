import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@waffle-kit/contract/client';
import { queryKeys } from '../api/learner-api.js';

/**
 * The portal's query client. A 401 from any request means the session ended: forget the user so
 * the login form shows. Client errors are not retried (they will not change on their own); other
 * failures `retries` times (tests pass 0, so an error shows at once).
 */
export function createQueryClient({ retries = 1 }: { retries?: number } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me') {
          client.setQueryData(queryKeys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < retries,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
