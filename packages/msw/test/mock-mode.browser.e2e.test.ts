// @vitest-environment node
import { launchBrowser } from '@waffle-kit/test-services/chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedPage, servePage } from './browser/serve-page.js';

// The README's browser example (examples/mock-mode.tsx) in a real Chromium: MSW's service worker
// answers the flag endpoints (the page's server has no API at all), and the panel flips flags.
describe('mock mode in Chromium (setupFlagWorker, examples/mock-mode.tsx)', () => {
  let served: ServedPage;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await servePage();
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(served.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('starts the worker and renders the app from mocked responses', async () => {
    await page.waitForSelector('body[data-mock-mode]');
    expect(await page.getAttribute('body', 'data-mock-mode')).toBe('started');
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    expect(await page.getByRole('searchbox').count()).toBe(0);
  });

  it('shows the gated feature when its flag is flipped in the panel, and hides it again', async () => {
    await page.getByLabel('enterprise.dashboard_v2').check();
    await page.getByRole('heading', { name: 'New dashboard' }).waitFor();
    await page.getByLabel('enterprise.search').check();
    await page.getByRole('searchbox', { name: 'Search courses' }).waitFor();
    const newDashboard = page.getByRole('heading', { name: 'New dashboard' });
    expect(await newDashboard.count()).toBe(1);
    await page.getByLabel('enterprise.dashboard_v2').uncheck();
    await newDashboard.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await newDashboard.count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Dashboard', exact: true }).count()).toBe(1);
    // The other flag's feature is untouched by the change.
    expect(await page.getByRole('searchbox', { name: 'Search courses' }).count()).toBe(1);
  });

  it('answers in the page with the wire format: the worker served the flags', async () => {
    const body = await page.evaluate(async () =>
      (await fetch('/enterprise/api/v1/enterprise-learner/')).json(),
    );
    expect(body.enterprise_features).toEqual({ 'enterprise.dashboard_v2': false, 'enterprise.search': true });
    expect(body.enterprise_features_meta).toMatchObject({
      username: 'alice',
      enterprise_customer_uuid: null,
    });
    expect(body.enterprise_features_meta.version).toBeGreaterThan(1);
  });
});
