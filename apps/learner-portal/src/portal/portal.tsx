import { useQuery } from '@tanstack/react-query';
import { FlagProvider } from '@waffle-kit/react';
import { type ReactNode, useEffect } from 'react';
import {
  fetchEnterpriseLearner,
  linkedEnterprises,
  queryKeys,
  type SessionUser,
} from '../api/learner-api.js';
import { FLAG_DEFAULTS } from '../app/flag-names.js';
import { enterprisePath, followLink, navigate, useEnterpriseSlug } from '../app/route.js';
import { ErrorPanel, Loading } from '../app/status-views.js';
import { Dashboard } from '../dashboard/dashboard.js';
import { FlagsPanel } from '../dev/flags-panel.js';
import { Banners } from '../features/banners.js';
import { PortalHeader } from './portal-header.js';

export interface PortalProps {
  readonly user: SessionUser;
  readonly devTools?: ReactNode;
}

/**
 * The signed-in portal at `/:enterpriseSlug/`. Flags come only from the app's own responses:
 * `FlagProvider` reads them from the enterprise-learner and dashboard queries, scoped to the
 * active enterprise customer.
 */
export function Portal({ user, devTools }: PortalProps) {
  const slug = useEnterpriseSlug();
  const learner = useQuery({
    queryKey: queryKeys.enterpriseLearner(user.username),
    queryFn: fetchEnterpriseLearner,
  });
  const enterprises = linkedEnterprises(learner.data);
  const active = enterprises.find((enterprise) => enterprise.slug === slug) ?? null;
  const first = enterprises[0];

  // `/` goes to the learner's first enterprise.
  useEffect(() => {
    if (slug === null && first) navigate(enterprisePath(first.slug), { replace: true });
  }, [slug, first]);

  let content: ReactNode;
  if (learner.isPending) content = <Loading label="Loading your enterprises…" />;
  else if (learner.isError)
    content = (
      <ErrorPanel
        title="We could not load your enterprises"
        error={learner.error}
        onRetry={() => void learner.refetch()}
      />
    );
  else if (enterprises.length === 0)
    content = (
      <section className="card empty">
        <h1>No enterprise yet</h1>
        <p>Your account is not linked to an enterprise. Ask your learning administrator for an invitation.</p>
      </section>
    );
  else if (!active)
    content =
      slug === null ? (
        <Loading label="Opening your enterprise…" />
      ) : (
        <section className="card empty">
          <h1>Not one of your enterprises</h1>
          <p>
            You are not a member of <strong>{slug}</strong>. Go to{' '}
            <a href={enterprisePath(enterprises[0]!.slug)} onClick={followLink}>
              {enterprises[0]!.name}
            </a>
            .
          </p>
        </section>
      );
  else content = <Dashboard user={user} enterprise={active} />;

  return (
    <FlagProvider
      enterpriseCustomerUuid={active?.uuid ?? null}
      user={user.username}
      defaults={FLAG_DEFAULTS}
      allowOverrides
    >
      <PortalHeader user={user} enterprises={enterprises} active={active} />
      <Banners user={user} />
      <main id="main" className="page">
        {content}
      </main>
      <aside className="dev-tools" aria-label="Developer tools">
        <FlagsPanel />
        {devTools}
      </aside>
    </FlagProvider>
  );
}
