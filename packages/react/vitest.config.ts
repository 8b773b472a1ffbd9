import { defineProject } from 'vitest/config';
import { workspaceResolve } from '../../vitest.shared.js';

export default defineProject({
  ...workspaceResolve,
  test: {
    name: 'react',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'examples/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    env: { WAFFLE_REACT_MAJOR: '19' },
  },
});
