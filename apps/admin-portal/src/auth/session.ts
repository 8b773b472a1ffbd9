import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, queryKeys, type SessionUser } from '../api/index.js';

/** Staff and superusers may use the admin page (DESIGN.md: the admin API answers 403 to others). */
export function isStaff(user: SessionUser): boolean {
  return user.is_staff || user.is_superuser;
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.me, queryFn: authApi.me, staleTime: 60_000 });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      authApi.login(username, password),
    onSuccess: async (user) => {
      // Everything cached belonged to whoever was logged in before.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      if (user) client.setQueryData(queryKeys.me, user);
      else await client.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      client.clear();
      client.setQueryData(queryKeys.me, null);
    },
  });
}
