import { cleanup } from '@testing-library/react';
import { version } from 'react';
import { afterEach, beforeAll } from 'vitest';

// The react-18 project runs these tests again with React 18 (see packages/react-compat-18): fail
// loudly if a project does not get the React it asks for.
beforeAll(() => {
  const expected = process.env.WAFFLE_REACT_MAJOR;
  if (expected && version.split('.')[0] !== expected)
    throw new Error(`this test project expects React ${expected} but runs React ${version}`);
});

// Testing Library unmounts between tests by itself only when Vitest globals are on.
afterEach(() => {
  if (typeof window === 'undefined') return; // a test file in the node environment
  cleanup();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

// Tells React that updates in tests are wrapped in act() (Testing Library does the wrapping).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
