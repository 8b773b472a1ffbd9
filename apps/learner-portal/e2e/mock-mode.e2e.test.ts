// @vitest-environment node
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChromiumContext, launchChromium } from '@waffle-kit/test-services/chromium';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const APP = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(APP, 'test-output');
const BUILD = join(OUT, 'mock-build');

let server: PreviewServer | undefined;
let browser: ChromiumContext | undefined;
let origin = '';

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  // The portal exactly as `dev:mock` runs it, built once and served by `vite preview`.
  const config = { root: APP, mode: 'mock', logLevel: 'warn' as const, build: { outDir: BUILD } };
  // A production build, as a tester would serve it (Vitest sets NODE_ENV=test for its workers).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(config);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 30_000);

it('runs on the MSW worker alone: flipping a flag in the mock panel shows the new dashboard', async () => {
  const page = await browser!.context.newPage();
  const apiRequests: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/') || path.startsWith('/enterprise/')) apiRequests.push(path);
  });
  page.setDefaultTimeout(15_000);

  await page.goto(`${origin}/`);
  // Mock mode starts with alice signed in and every feature off: the classic dashboard.
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
  expect(page.url()).toBe(`${origin}/acme/`);
  expect(await page.getByRole('heading', { name: 'Welcome back, alice' }).count()).toBe(0);

  await page.getByRole('checkbox', { name: 'enterprise.dashboard_v2' }).check();
  await page.getByRole('heading', { name: 'Welcome back, alice' }).waitFor();
  expect(await page.getByRole('table', { name: 'Your courses' }).count()).toBe(0);

  // The flags panel says where the value came from: the (mock) server's response.
  await page.locator('summary', { hasText: 'Flags in effect' }).click();
  const row = page.getByRole('row', { name: /enterprise\.dashboard_v2/ });
  expect(await row.textContent()).toContain('server');

  await page.screenshot({ path: join(OUT, 'mock-mode-dashboard-v2.png'), fullPage: true });
  // The API requests went to the worker, which answered them (no backend exists here).
  expect(apiRequests).toContain('/api/v1/bffs/learner/dashboard/');
  await page.close();
}, 60_000);
