import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AdminClient } from './admin-client.js';

const RUN = 'window.__xss=(window.__xss||0)+1';

/**
 * Script injections, each put into every admin-editable text that is free-form: flag, switch and
 * sample notes, group names and enterprise customer names. Usernames, slugs and flag, switch and
 * sample names cannot hold them (their rules allow no `<`, `"` or space), and no text becomes a
 * link (`href`s are built from encoded names), so the `javascript:` one must stay plain text.
 */
export const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `'><details open ontoggle="${RUN};alert(1)">`,
  `javascript:${RUN}`,
] as const;

export const XSS_LEARNER = { username: 'xss-learner', password: 'xss-learner-demo' };

export interface PlantedPayload {
  readonly text: string;
  readonly flag: string;
  readonly enterprise: { readonly uuid: string; readonly slug: string };
}

/**
 * Through the admin API, for each payload: a group and an enterprise customer named with it (the
 * xss learner linked), a switch, a sample and a flag with it as the note, the flag's note edited
 * once (so the audit log shows it before and after) and the flag at 100% for that enterprise.
 */
export async function plantPayloads(admin: AdminClient): Promise<PlantedPayload[]> {
  await admin.request('POST', '/api/admin/users', { ...XSS_LEARNER, is_staff: false });
  const planted: PlantedPayload[] = [];
  for (const [i, text] of PAYLOADS.entries()) {
    await admin.request('POST', '/api/admin/groups', { name: text });
    const enterprise = await admin.request('POST', '/api/admin/enterprise-customers', {
      slug: `xss-${i}`,
      name: text,
      active: true,
    });
    const learners = `/api/admin/enterprise-customers/${enterprise.uuid}/learners`;
    await admin.request('POST', learners, { username: XSS_LEARNER.username });
    await admin.request('POST', '/api/admin/switches', { name: `xss-switch-${i}`, active: true, note: text });
    await admin.request('POST', '/api/admin/samples', { name: `xss-sample-${i}`, percent: 50, note: text });
    const flag = await admin.request('POST', '/api/admin/flags', {
      name: `xss-flag-${i}`,
      note: text,
      groups: [text],
    });
    await admin.request(
      'PATCH',
      `/api/admin/flags/${flag.name}`,
      { note: `${text} (edited)` },
      { 'if-match': String(flag.version) },
    );
    await admin.request('PUT', `/api/admin/flags/${flag.name}/enterprise-percentages/${enterprise.uuid}`, {
      percent: 100,
    });
    planted.push({ text, flag: flag.name, enterprise: { uuid: enterprise.uuid, slug: enterprise.slug } });
  }
  return planted;
}

// Markup a payload would leave behind if it were parsed instead of shown: React sets no inline
// handler attributes and the builds have no inline scripts, so any of these is an injection.
const INJECTED = '[onerror], [onload], [ontoggle], script:not([src]), a[href^="javascript:" i]';

/**
 * The screen shows every one of `texts` literally (as text, not markup), no element came from a
 * payload, and nothing ran: `window.__xss` is unset. Dialogs are counted by the CSP watch.
 */
export async function expectShownLiterally(
  page: Page,
  texts: readonly string[],
  screen: string,
): Promise<void> {
  const state = () =>
    page.evaluate(
      ({ wanted, selector }) => ({
        missing: wanted.filter((text) => !document.body.textContent?.includes(text)),
        injected: document.querySelectorAll(selector).length,
        executed: (window as { __xss?: number }).__xss ?? 0,
      }),
      { wanted: [...texts], selector: INJECTED },
    );
  const safe = { missing: [], injected: 0, executed: 0 };
  await expect.poll(state, { timeout: 10_000, message: screen }).toEqual(safe);
  // Once more after a failed image or a parsed handler would have fired.
  await page.waitForLoadState('networkidle');
  expect(await state(), screen).toEqual(safe);
}
