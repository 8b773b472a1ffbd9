import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { workspaceResolve } from '../../vitest.shared.js';

// @waffle-kit/react's component tests, run again with React 18: every import of React, ReactDOM,
// TanStack Query and Testing Library, from the tests and from the SDK's source alike, resolves to
// this package's copies, which pnpm installed against React 18.
const own = (name: string) => fileURLToPath(new URL(`node_modules/${name}`, import.meta.url));
const shared = ['react', 'react-dom', '@tanstack/react-query', '@testing-library/react'];

export default defineProject({
  ...workspaceResolve,
  resolve: {
    ...workspaceResolve.resolve,
    alias: shared.map((name) => ({
      find: new RegExp(`^${name.replace('/', '\\/')}(/.*)?$`),
      replacement: `${own(name)}$1`,
    })),
  },
  test: {
    name: 'react-18',
    environment: 'happy-dom',
    dir: fileURLToPath(new URL('../react', import.meta.url)),
    include: ['src/**/*.test.tsx', 'examples/**/*.test.tsx'],
    exclude: ['**/node_modules/**'],
    setupFiles: [fileURLToPath(new URL('../react/test/setup.ts', import.meta.url))],
    env: { WAFFLE_REACT_MAJOR: '18' },
  },
});
