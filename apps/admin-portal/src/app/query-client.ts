import type { QueryClient } from '@tanstack/react-query';
import { createSessionQueryClient } from '@waffle-kit/react/query-client';
import { queryKeys } from '../api/index.js';

/**
 * The page's query client: a 401 from any admin request means the session ended, so the user is
 * forgotten and the login form shows; client errors are not retried (they will not change).
 */
export function createQueryClient(): QueryClient {
  return createSessionQueryClient({ sessionKey: queryKeys.me, staleTime: 5_000, retries: 2 });
}
