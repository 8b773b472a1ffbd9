// Every React import goes through here: bundlers then emit one `import ... from "react"` instead
// of one per file, which the size budget (FlagProvider + useFlag <= 1,500 bytes gzip) notices.
export {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
