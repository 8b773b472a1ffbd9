import { defineProject } from 'vitest/config';
import { workspaceResolve } from '../../vitest.shared.js';

export default defineProject({
  ...workspaceResolve,
  test: { name: 'contract', environment: 'node', include: ['src/**/*.test.ts'] },
});
