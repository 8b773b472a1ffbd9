import { useFlagContext } from './flag-context.js';
import { type FlagState, SAMPLES, SWITCHES } from './flag-store.js';
import { useSyncExternalStore } from './react.js';
import type { SampleName, SwitchName } from './types.js';

function useActive(scope: string, name: string): boolean {
  const { store } = useFlagContext();
  const read = (state: FlagState) => state.scopes[scope]?.[name]?.[0] === true;
  return useSyncExternalStore(
    store.subscribe,
    () => read(store.getState()),
    () => read(store.initial),
  );
}

/** A switch from a `/waffle_status`-shaped response; false until one arrives. */
export function useSwitch(name: SwitchName): boolean {
  return useActive(SWITCHES, name);
}

/** A sample as the server rolled it in the newest `/waffle_status`-shaped response; false until one arrives. */
export function useSample(name: SampleName): boolean {
  return useActive(SAMPLES, name);
}
