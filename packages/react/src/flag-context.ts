import type { FlagStore } from './flag-store.js';
import { createContext, useContext } from './react.js';

export interface FlagContextValue {
  store: FlagStore;
  /** The active enterprise customer, whose values win over the global ones. */
  customer: string | null | undefined;
}

export const FlagContext = createContext<FlagContextValue | null>(null);

/** The provider's store and scope; fails loudly when there is no `<FlagProvider>` above. */
export function useFlagContext(): FlagContextValue {
  const context = useContext(FlagContext);
  if (!context) throw Error('[waffle-kit] no FlagProvider above');
  return context;
}
