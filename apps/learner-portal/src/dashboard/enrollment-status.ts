import type { Enrollment } from '../api/learner-api.js';

export type EnrollmentStatus = 'in_progress' | 'upcoming' | 'completed' | 'other';

export const STATUS_LABELS: Record<EnrollmentStatus, string> = {
  in_progress: 'In progress',
  upcoming: 'Upcoming',
  completed: 'Completed',
  other: 'Other',
};

export function statusOf(enrollment: Enrollment): EnrollmentStatus {
  const status = enrollment.course_run_status;
  return status === 'in_progress' || status === 'upcoming' || status === 'completed' ? status : 'other';
}

/** Enrollments by status, in the order a learner cares about them; empty groups left out. */
export function groupByStatus(enrollments: readonly Enrollment[]): [EnrollmentStatus, Enrollment[]][] {
  const order: EnrollmentStatus[] = ['in_progress', 'upcoming', 'completed', 'other'];
  return order
    .map(
      (status) =>
        [status, enrollments.filter((enrollment) => statusOf(enrollment) === status)] as [
          EnrollmentStatus,
          Enrollment[],
        ],
    )
    .filter(([, group]) => group.length > 0);
}
