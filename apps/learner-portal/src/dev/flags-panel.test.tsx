import { screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { mockApi } from '../test/mock-api.js';
import { renderPortal } from '../test/render-portal.js';

function rowOf(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Flags in effect' });
  const cell = within(table).getByText(name);
  return cell.closest('tr') as HTMLElement;
}

it('lists each flag with its value and source: server, defaults or overrides', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/?feature=enterprise.beta_group_feature',
    // enterprise.spanish_copy is not in the responses, so its default shows.
    flags: {
      'enterprise.dashboard_v2': true,
      'enterprise.new_catalog_search': false,
      'enterprise.legacy_reports': false,
    },
  });
  expect(await screen.findByRole('heading', { name: 'Welcome back, alice' })).toBeTruthy();
  await user.click(screen.getByText('Flags in effect', { selector: 'summary' }));

  expect(rowOf('enterprise.dashboard_v2').textContent).toBe('enterprise.dashboard_v2onserver');
  expect(rowOf('enterprise.new_catalog_search').textContent).toBe('enterprise.new_catalog_searchoffserver');
  expect(rowOf('enterprise.legacy_reports').textContent).toBe('enterprise.legacy_reportsoffserver');
  expect(rowOf('enterprise.spanish_copy').textContent).toBe('enterprise.spanish_copyoffdefaults');
  expect(rowOf('enterprise.beta_group_feature').textContent).toBe('enterprise.beta_group_featureonoverrides');
  expect(screen.getByText(/1 local override\(s\) active/)).toBeTruthy();
});

it('makes no request of its own for flags: they come inside the learner and dashboard responses', async () => {
  renderPortal({ username: 'alice', path: '/acme/', flags: { 'enterprise.dashboard_v2': true } });
  expect(await screen.findByRole('heading', { name: 'Welcome back, alice' })).toBeTruthy();

  expect([...new Set(mockApi.requests)].sort()).toEqual([
    'GET /api/auth/me',
    'GET /enterprise/api/v1/enterprise-learner/',
    'POST /api/v1/bffs/learner/dashboard/',
  ]);
});
