import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { workspaceResolve } from '../../vitest.shared.js';

export default defineProject({
  ...workspaceResolve,
  plugins: [react()],
  test: {
    name: 'admin-portal',
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost/admin/' } },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
