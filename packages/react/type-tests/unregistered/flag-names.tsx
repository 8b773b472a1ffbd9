// Compiled on its own (`pnpm typecheck`): without `Register`, any string is a flag name.
import { Flag, type FlagName, useFlag, useSwitch } from '@waffle-kit/react';

const anyName: FlagName = 'anything.at-all_1';

export function Unregistered(props: { name: string }) {
  const on: boolean = useFlag('enterprise.dashboard_v2');
  useFlag(props.name);
  useFlag(anyName);
  useSwitch('maintenance');
  return <Flag name={props.name}>{String(on)}</Flag>;
}
