import type { ReactNode } from './react.js';
import type { FlagName } from './types.js';
import { useFlag } from './use-flag.js';

export interface FlagProps {
  name: FlagName;
  /** Rendered while the flag is off. */
  fallback?: ReactNode;
  /** Rendered while the flag is on. */
  children?: ReactNode;
}

/**
 * Renders its children when the flag is on, else `fallback`.
 *
 * @example
 * <Flag name="enterprise.dashboard_v2" fallback={<OldDashboard />}>
 *   <NewDashboard />
 * </Flag>
 */
export function Flag({ name, fallback = null, children }: FlagProps) {
  return <>{useFlag(name) ? children : fallback}</>;
}
