import { useFlag } from '@waffle-kit/react';
import type { Enrollment } from '../api/learner-api.js';

/**
 * A beta feature for the `beta-testers` group (`enterprise.beta_group_feature`): a learning
 * streak card. Without the flag nothing renders.
 */
export function BetaStreakCard({ enrollments }: { enrollments: readonly Enrollment[] }) {
  const on = useFlag('enterprise.beta_group_feature');
  if (!on) return null;
  const active = enrollments.filter((e) => e.course_run_status === 'in_progress').length;
  return (
    <section className="card beta" aria-labelledby="beta-streak-title">
      <span className="badge">Beta</span>
      <h2 id="beta-streak-title">Learning streak</h2>
      <p>
        {active > 0
          ? `You have ${active} course${active === 1 ? '' : 's'} in progress. Study a little each day to keep your streak.`
          : 'Start a course to begin a learning streak.'}
      </p>
    </section>
  );
}
