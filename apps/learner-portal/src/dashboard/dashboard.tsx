import { useQuery } from '@tanstack/react-query';
import { useFlag } from '@waffle-kit/react';
import { type EnterpriseCustomer, fetchDashboard, queryKeys, type SessionUser } from '../api/learner-api.js';
import { DashboardSkeleton, ErrorPanel } from '../app/status-views.js';
import { BetaStreakCard } from '../features/beta-streak-card.js';
import { CourseSearch } from '../features/course-search.js';
import { ClassicDashboard } from './classic-dashboard.js';
import { DashboardV2 } from './dashboard-v2.js';

export interface DashboardProps {
  readonly user: SessionUser;
  readonly enterprise: EnterpriseCustomer;
}

/**
 * The learner dashboard of one enterprise, from the BFF. Its response carries
 * `enterprise_features` evaluated for this enterprise, which the FlagProvider above picks up.
 */
export function Dashboard({ user, enterprise }: DashboardProps) {
  const dashboard = useQuery({
    queryKey: queryKeys.dashboard(user.username, enterprise.slug),
    queryFn: () => fetchDashboard(enterprise.slug),
  });
  const v2 = useFlag('enterprise.dashboard_v2');

  if (dashboard.isPending)
    return (
      <section aria-busy="true" aria-label="Loading dashboard">
        <p className="loading-text" role="status">
          Loading your {enterprise.name} dashboard…
        </p>
        <DashboardSkeleton />
      </section>
    );
  if (dashboard.isError)
    return (
      <ErrorPanel
        title="Your dashboard did not load"
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
      />
    );

  const enrollments = dashboard.data.enterprise_course_enrollments;
  return (
    <>
      {v2 ? (
        <DashboardV2 user={user} enterprise={enterprise} enrollments={enrollments} />
      ) : (
        <ClassicDashboard enterprise={enterprise} enrollments={enrollments} />
      )}
      <CourseSearch enrollments={enrollments} />
      <BetaStreakCard enrollments={enrollments} />
    </>
  );
}
