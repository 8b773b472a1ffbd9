import { createSessionQueryClient } from '@waffle-kit/react/query-client';

// The app's `me` query holds the signed-in user: a 401 from any other request empties it.
export const queryClient = createSessionQueryClient({ sessionKey: ['me'], staleTime: 30_000, retries: 1 });
