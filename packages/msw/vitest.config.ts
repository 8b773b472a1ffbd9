import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { workspaceResolve } from '../../vitest.shared.js';

export default defineProject({
  ...workspaceResolve,
  resolve: {
    ...workspaceResolve.resolve,
    // Storybook is not installed: the examples' msw-storybook-addon import gets a stand-in.
    alias: {
      'msw-storybook-addon': fileURLToPath(new URL('./test/msw-storybook-addon.ts', import.meta.url)),
    },
  },
  test: {
    name: 'msw',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'examples/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
