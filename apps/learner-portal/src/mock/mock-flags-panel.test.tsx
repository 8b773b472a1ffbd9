import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { mockApi } from '../test/mock-api.js';
import { renderPortal } from '../test/render-portal.js';
import { MockFlagsPanel } from './mock-flags-panel.js';

it('turns the new dashboard on live when its flag is flipped in the mock panel, and off again', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    devTools: <MockFlagsPanel backend={mockApi.backend} />,
  });
  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();

  await user.click(screen.getByRole('checkbox', { name: 'enterprise.dashboard_v2' }));
  expect(await screen.findByRole('heading', { name: 'Welcome back, alice' })).toBeTruthy();

  await user.click(screen.getByRole('checkbox', { name: 'enterprise.dashboard_v2' }));
  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
});

it('shows the maintenance banner live when its switch is flipped in the mock panel', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    devTools: <MockFlagsPanel backend={mockApi.backend} />,
  });
  expect(await screen.findByText('Data Science 101')).toBeTruthy();
  expect(screen.queryByText('Scheduled maintenance:')).toBeNull();

  await user.click(screen.getByRole('checkbox', { name: 'enterprise.maintenance_banner' }));
  expect(await screen.findByText('Scheduled maintenance:')).toBeTruthy();
});
