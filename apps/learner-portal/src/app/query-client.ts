import type { QueryClient } from '@tanstack/react-query';
import { createSessionQueryClient } from '@waffle-kit/react/query-client';
import { queryKeys } from '../api/learner-api.js';

/**
 * The portal's query client: a 401 from any request means the session ended, so the user is
 * forgotten and the login form shows. Client errors are not retried; other failures `retries`
 * times (tests pass 0, so an error shows at once).
 */
export function createQueryClient({ retries = 1 }: { retries?: number } = {}): QueryClient {
  return createSessionQueryClient({ sessionKey: queryKeys.me, staleTime: 30_000, retries });
}
