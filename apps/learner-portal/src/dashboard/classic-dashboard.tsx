import type { Enrollment, EnterpriseCustomer } from '../api/learner-api.js';
import { STATUS_LABELS, statusOf } from './enrollment-status.js';

export interface ClassicDashboardProps {
  readonly enterprise: EnterpriseCustomer;
  readonly enrollments: readonly Enrollment[];
}

/** The dashboard as it has always been: one plain table of courses. */
export function ClassicDashboard({ enterprise, enrollments }: ClassicDashboardProps) {
  return (
    <section className="card" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <p className="muted">Your courses at {enterprise.name}.</p>
      {enrollments.length === 0 ? (
        <p>You are not enrolled in any course yet.</p>
      ) : (
        <table className="course-table">
          <caption className="visually-hidden">Your courses</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {enrollments.map((enrollment) => (
              <tr key={enrollment.course_run_id}>
                <td>{enrollment.display_name}</td>
                <td>{STATUS_LABELS[statusOf(enrollment)]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
