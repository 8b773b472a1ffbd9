import { useFlagSource, useFlagsStatus } from '@waffle-kit/react';

export function FlagsBadge() {
  const { status, source, overrides } = useFlagsStatus();
  const dashboard = useFlagSource('enterprise.dashboard_v2');
  if (status === 'loading') return null;
  if (status === 'error') return <p>Flags unavailable: showing defaults.</p>;
  return (
    <p>
      Flags from {source}; dashboard from {dashboard}; overrides:{' '}
      {Object.keys(overrides).join(', ') || 'none'}
    </p>
  );
}
