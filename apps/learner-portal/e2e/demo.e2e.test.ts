// @vitest-environment node
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, launchChromium } from './chromium.js';
import { type DemoServer, startDemoServer } from './demo-server.js';

// Issue 7's end-to-end check: the real server started as the README says, its admin page and
// the learner portal, in Chromium. Enterprise A is Bluebird and B is Acme: the seed has them the
// other way round (Acme 100%, Bluebird 30%), so the learner sees the admin's change, not the seed.
const OUT = join(dirname(dirname(fileURLToPath(import.meta.url))), 'test-output');
const FLAG = 'enterprise.dashboard_v2';
const A = 'Bluebird University';
const B = 'Acme Learning';

let server: DemoServer | undefined;
let browser: Chromium | undefined;

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  server = await startDemoServer(300_000);
}, 320_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 30_000);

async function newPage(): Promise<Page> {
  await browser?.close();
  browser = await launchChromium({ width: 1280, height: 800 });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function setEnterprisePercent(page: Page, enterprise: string, percent: string): Promise<void> {
  const input = page.getByLabel(`Percent for ${enterprise}`);
  if ((await input.inputValue()) === percent) return;
  await input.fill(percent);
  const save = page.getByRole('button', { name: `Save percentage: ${enterprise}` });
  await save.click();
  // Saved once the row holds the new value again (the button is disabled while they match).
  await expect.poll(() => save.isDisabled(), { timeout: 15_000 }).toBe(true);
}

it('lets an admin set A to 100% and B to 0% for a flag, shows a validation error, and logs the change', async () => {
  const page = await newPage();
  await page.goto(`${server!.origin}/admin/`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('flags-table').waitFor();

  await page.goto(`${server!.origin}/admin/#/flags/${FLAG}`);
  await page.getByTestId('enterprise-percentages').waitFor();
  await setEnterprisePercent(page, A, '100');
  await setEnterprisePercent(page, B, '0');

  await page.getByLabel('Percent', { exact: true }).fill('150');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const percentField = page.getByLabel('Percent', { exact: true });
  await expect.poll(() => percentField.getAttribute('aria-invalid')).toBe('true');
  await page.screenshot({ path: join(OUT, 'admin-flag-editor.png'), fullPage: true });

  await page.goto(`${server!.origin}/admin/#/audit`);
  const entries = page.getByTestId('audit-entry');
  await entries.first().waitFor();
  const text = (await entries.allTextContents()).join('\n');
  expect(text).toContain(FLAG);
  expect(text).toContain(`${B} 0%, ${A} 100%`);
  await page.screenshot({ path: join(OUT, 'admin-audit-log.png'), fullPage: true });
}, 90_000);

it('shows alice the feature in A and not in B after switching, with no request for flags', async () => {
  const page = await newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === server!.origin) requests.push(`${request.method()} ${url.pathname}`);
  });
  await page.goto(`${server!.origin}/`);
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('alice-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // She lands in her first enterprise, Acme (B, 0%): the classic dashboard.
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/acme/');
  expect(await page.getByRole('heading', { name: 'Welcome back, alice' }).count()).toBe(0);
  await page.screenshot({ path: join(OUT, 'learner-dashboard-b-acme.png'), fullPage: true });

  await page.getByLabel('Enterprise').selectOption({ label: A });
  await page.getByRole('heading', { name: 'Welcome back, alice' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/bluebird/');
  await page.screenshot({ path: join(OUT, 'learner-dashboard-a-bluebird.png'), fullPage: true });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  // At a phone's width nothing runs off the side, the flags panel open included.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('summary', { hasText: 'Flags in effect' }).click();
  await page.getByRole('table', { name: 'Flags in effect' }).waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(OUT, 'learner-phone-flags-panel.png'), fullPage: true });

  const api = [...new Set(requests.filter((r) => !/\/assets\/|\.(js|css|svg|ico)$/.test(r)))].sort();
  expect(api.filter((r) => /waffle|flag/i.test(r))).toEqual([]);
  expect(api).toEqual([
    'GET /',
    'GET /api/auth/me',
    'GET /enterprise/api/v1/enterprise-learner/',
    'POST /api/auth/login',
    'POST /api/v1/bffs/learner/dashboard/',
  ]);
}, 90_000);
