import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type EnterpriseCustomer, logout, queryKeys, type SessionUser } from '../api/learner-api.js';
import { navigate } from '../app/route.js';
import { EnterpriseSwitcher } from './enterprise-switcher.js';

export interface PortalHeaderProps {
  readonly user: SessionUser;
  readonly enterprises: readonly EnterpriseCustomer[];
  readonly active: EnterpriseCustomer | null;
}

/** Brand, the enterprise switcher, who is signed in, and sign out. */
export function PortalHeader({ user, enterprises, active }: PortalHeaderProps) {
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Whatever the server said, this tab forgets the user and everything fetched for them.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      client.setQueryData(queryKeys.me, null);
      navigate('/', { replace: true });
    },
  });
  return (
    <header className="portal-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span>{active ? active.name : 'Learning portal'}</span>
      </div>
      <EnterpriseSwitcher enterprises={enterprises} active={active} />
      <div className="account">
        <span className="username">
          Signed in as <strong>{user.username}</strong>
        </span>
        <button
          type="button"
          className="button"
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </header>
  );
}
