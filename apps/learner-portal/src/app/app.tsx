import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fetchMe, queryKeys } from '../api/learner-api.js';
import { LoginPage } from '../auth/login-page.js';
import { Portal } from '../portal/portal.js';
import { ErrorPanel, Loading } from './status-views.js';

export interface AppProps {
  /** Extra developer tools shown under the page (mock mode's flag switches). */
  readonly devTools?: ReactNode;
}

/** The whole portal: who is signed in decides between the login form and the portal. */
export function App({ devTools }: AppProps) {
  const me = useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
  let page: ReactNode;
  if (me.isPending) page = <Loading label="Checking your session…" />;
  else if (me.isError)
    page = (
      <main className="centered">
        <ErrorPanel
          title="We could not reach the portal"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </main>
    );
  else if (me.data === null) page = <LoginPage />;
  else page = <Portal user={me.data} devTools={devTools} />;
  return (
    <>
      {page}
      {me.data === null && devTools}
    </>
  );
}
