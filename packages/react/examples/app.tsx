import { useQuery } from '@tanstack/react-query';
import { Flag, useFlag } from '@waffle-kit/react';

export function App() {
  // The app's own request; its response carries `enterprise_features`.
  const learner = useQuery({
    queryKey: ['enterprise-learner'],
    queryFn: () => fetch('/enterprise/api/v1/enterprise-learner/').then((response) => response.json()),
  });
  const search = useFlag('enterprise.search');
  if (learner.isPending) return <p>Loading…</p>;
  return (
    <main>
      {search && <input type="search" aria-label="Search courses" />}
      <Flag name="enterprise.dashboard_v2" fallback={<h1>Dashboard</h1>}>
        <h1>New dashboard</h1>
      </Flag>
    </main>
  );
}
