import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.js';

export default defineConfig({
  test: {
    projects,
    // Postgres and Chromium: the machine's own, else provisioned from npm packages (and stopped at the end).
    globalSetup: ['./packages/test-services/src/global-setup.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
