import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceResolve } from '../../vitest.shared.js';

const server = 'http://127.0.0.1:3000';

// The server serves the build at /; in development Vite proxies the API to it. Mock mode
// (`vite --mode mock`) answers every request in the browser with the MSW worker instead, whose
// script is the only thing in public/.
export default defineConfig(({ mode }) => ({
  ...workspaceResolve,
  base: '/',
  plugins: [react()],
  publicDir: mode === 'mock' ? 'public' : false,
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/enterprise': { target: server, changeOrigin: false },
      '/waffle_status': { target: server, changeOrigin: false },
    },
  },
  build: { outDir: mode === 'mock' ? 'dist-mock' : 'dist', emptyOutDir: true },
}));
