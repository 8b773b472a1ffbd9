import { useFlag } from '@waffle-kit/react';
import type { Enrollment, EnterpriseCustomer, SessionUser } from '../api/learner-api.js';
import { groupByStatus, STATUS_LABELS, statusOf } from './enrollment-status.js';

export interface DashboardV2Props {
  readonly user: SessionUser;
  readonly enterprise: EnterpriseCustomer;
  readonly enrollments: readonly Enrollment[];
}

/**
 * The redesigned dashboard (`enterprise.dashboard_v2`): a greeting, a progress summary, and
 * course cards grouped by status.
 */
export function DashboardV2({ user, enterprise, enrollments }: DashboardV2Props) {
  const spanish = useFlag('enterprise.spanish_copy');
  const count = (status: string) => enrollments.filter((e) => statusOf(e) === status).length;
  const summary = [
    { label: 'In progress', value: count('in_progress') },
    { label: 'Upcoming', value: count('upcoming') },
    { label: 'Completed', value: count('completed') },
  ];
  return (
    <section className="dashboard-v2" aria-labelledby="dashboard-title">
      <div className="hero">
        <p className="eyebrow">{enterprise.name} · new dashboard</p>
        <h1 id="dashboard-title">
          {spanish ? `¡Hola, ${user.username}!` : `Welcome back, ${user.username}`}
        </h1>
        <dl className="summary">
          {summary.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {enrollments.length === 0 ? (
        <p className="card">Nothing here yet: find a course below to get started.</p>
      ) : (
        groupByStatus(enrollments).map(([status, group]) => (
          <section key={status} aria-labelledby={`group-${status}`}>
            <h2 id={`group-${status}`} className="group-title">
              {STATUS_LABELS[status]}
            </h2>
            <ul className="course-cards">
              {group.map((enrollment) => (
                <li key={enrollment.course_run_id} className={`course-card status-${status}`}>
                  <span className="badge">{STATUS_LABELS[status]}</span>
                  <h3>{enrollment.display_name}</h3>
                  <p className="muted">{enrollment.org_name ?? enrollment.course_run_id}</p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
