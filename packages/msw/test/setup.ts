import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts between tests by itself only when Vitest globals are on.
afterEach(() => {
  if (typeof window === 'undefined') return; // a test file in the node environment
  cleanup();
  sessionStorage.clear();
});

// Tells React that updates in tests are wrapped in act() (Testing Library does the wrapping).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
