import { screen, within } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import { expect, it } from 'vitest';
import { MOCK_ENTERPRISES } from '../mock/mock-learners.js';
import { mockApi } from '../test/mock-api.js';
import { renderPortal } from '../test/render-portal.js';

const ACME = MOCK_ENTERPRISES.acme.uuid;
const BLUEBIRD = MOCK_ENTERPRISES.bluebird.uuid;

it('shows the redesigned dashboard when enterprise.dashboard_v2 is on', async () => {
  renderPortal({ username: 'alice', path: '/acme/', flags: { 'enterprise.dashboard_v2': true } });

  expect(await screen.findByRole('heading', { name: 'Welcome back, alice' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'In progress' })).toBeTruthy();
  expect(screen.queryByRole('table', { name: 'Your courses' })).toBeNull();
});

it('shows the classic table when enterprise.dashboard_v2 is off', async () => {
  renderPortal({ username: 'alice', path: '/acme/', flags: { 'enterprise.dashboard_v2': false } });

  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
  const table = screen.getByRole('table', { name: 'Your courses' });
  expect(within(table).getByText('SQL for Analysts')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: 'Welcome back, alice' })).toBeNull();
});

it('greets in Spanish on the new dashboard when enterprise.spanish_copy is on', async () => {
  renderPortal({
    username: 'alice',
    path: '/acme/',
    flags: { 'enterprise.dashboard_v2': true, 'enterprise.spanish_copy': true },
  });
  expect(await screen.findByRole('heading', { name: '¡Hola, alice!' })).toBeTruthy();
});

it('switching enterprise loads that dashboard and its flags: new in Acme, classic in Bluebird', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    flagsByCustomer: {
      [ACME]: { 'enterprise.dashboard_v2': true },
      [BLUEBIRD]: { 'enterprise.dashboard_v2': false },
    },
  });
  expect(await screen.findByRole('heading', { name: 'Welcome back, alice' })).toBeTruthy();

  await user.selectOptions(screen.getByLabelText('Enterprise'), 'bluebird');

  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
  expect(window.location.pathname).toBe('/bluebird/');
  expect(screen.getByText('World History')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: 'Welcome back, alice' })).toBeNull();
  expect(mockApi.requests).toContain('POST /api/v1/bffs/learner/dashboard/');
});

it('offers no switcher to a learner linked to one enterprise', async () => {
  renderPortal({ username: 'bob', path: '/bluebird/' });
  expect(await screen.findByText('Biology II')).toBeTruthy();
  expect(screen.queryByLabelText('Enterprise')).toBeNull();
});

it('goes from / to the learner’s first enterprise', async () => {
  renderPortal({ username: 'bob', path: '/' });
  expect(await screen.findByText('Biology II')).toBeTruthy();
  expect(window.location.pathname).toBe('/bluebird/');
});

it('tells a learner when the address names an enterprise they are not a member of', async () => {
  renderPortal({ username: 'bob', path: '/acme/' });
  expect(await screen.findByRole('heading', { name: 'Not one of your enterprises' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Bluebird University' }).getAttribute('href')).toBe('/bluebird/');
});

it('shows a loading state while the dashboard is on its way', async () => {
  renderPortal({ username: 'alice', path: '/acme/' });
  mockApi.server.use(
    http.post('*/api/v1/bffs/learner/dashboard/', async () => {
      await delay(150);
      return HttpResponse.json({ error: { code: 'late', message: 'Too late.' } }, { status: 500 });
    }),
  );
  expect(await screen.findByText('Loading your Acme Learning dashboard…')).toBeTruthy();
  expect(screen.getByLabelText('Loading dashboard').getAttribute('aria-busy')).toBe('true');
});

it('shows an error with a retry when the dashboard fails, and the dashboard after a retry', async () => {
  const { user } = renderPortal({ username: 'alice', path: '/acme/' });
  mockApi.server.use(
    http.post(
      '*/api/v1/bffs/learner/dashboard/',
      () => HttpResponse.json({ error: { code: 'boom', message: 'The BFF fell over.' } }, { status: 500 }),
      { once: true },
    ),
  );
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('heading', { name: 'Your dashboard did not load' })).toBeTruthy();
  expect(alert.textContent).toContain('The BFF fell over.');

  await user.click(within(alert).getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Data Science 101')).toBeTruthy();
});

it('shows an error when the enterprises cannot be loaded, not a blank page', async () => {
  renderPortal({ username: 'alice', path: '/acme/' });
  mockApi.server.use(http.get('*/enterprise/api/v1/enterprise-learner/', () => HttpResponse.error()));
  const heading = await screen.findByRole('heading', { name: 'We could not load your enterprises' });
  expect(heading.closest('[role="alert"]')?.textContent).toContain('The server did not answer');
});
