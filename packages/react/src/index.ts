export { extractFlags } from './extract-flags.js';
export { Flag, type FlagProps } from './flag.js';
export { FlagProvider, type FlagProviderProps } from './flag-provider.js';
export type {
  FlagExtractor,
  FlagMeta,
  FlagName,
  FlagPayload,
  FlagSource,
  FlagsStatus,
  FlagValues,
  Register,
  SampleName,
  SwitchName,
  WireValues,
} from './types.js';
export { useFlag, useFlagSource } from './use-flag.js';
export { useFlags, useFlagsStatus } from './use-flags.js';
export { useSample, useSwitch } from './use-switch.js';
