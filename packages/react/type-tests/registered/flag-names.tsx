// Compiled on its own (`pnpm typecheck`): with `Register` filled in, only the registered names
// type-check. Every `@ts-expect-error` below fails the compilation if the error it expects goes away.
import { Flag, useFlag, useFlagSource, useSample, useSwitch } from '@waffle-kit/react';

declare module '@waffle-kit/react' {
  interface Register {
    flags: 'enterprise.dashboard_v2' | 'enterprise.search';
    switches: { maintenance: true };
    samples: 'sampled.survey';
  }
}

export function Registered() {
  const on: boolean = useFlag('enterprise.dashboard_v2');
  useFlagSource('enterprise.search');
  useSwitch('maintenance');
  useSample('sampled.survey');
  // @ts-expect-error a misspelt flag name is a compile error
  useFlag('enterprise.dashbaord_v2');
  // @ts-expect-error so is a switch name used as a flag
  useFlag('maintenance');
  // @ts-expect-error and an unknown switch
  useSwitch('maintenence');
  return (
    <>
      <Flag name="enterprise.search">{String(on)}</Flag>
      {/* @ts-expect-error <Flag> takes registered names only */}
      <Flag name="enterprise.serach" />
    </>
  );
}
