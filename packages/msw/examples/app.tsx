import { useQuery } from '@tanstack/react-query';
import { Flag, useFlag } from '@waffle-kit/react';

// The app's own request; its response carries `enterprise_features`.
export function App() {
  const learner = useQuery({
    queryKey: ['enterprise-learner'],
    queryFn: async () => {
      const response = await fetch('/enterprise/api/v1/enterprise-learner/');
      if (!response.ok) throw new Error(`enterprise-learner answered ${response.status}`);
      return response.json();
    },
  });
  const search = useFlag('enterprise.search');
  if (learner.isPending) return <p>Loading…</p>;
  if (learner.isError) return <p role="alert">Could not load your enterprises.</p>;
  return (
    <main>
      {search && <input type="search" aria-label="Search courses" />}
      <Flag name="enterprise.dashboard_v2" fallback={<h1>Dashboard</h1>}>
        <h1>New dashboard</h1>
      </Flag>
    </main>
  );
}
