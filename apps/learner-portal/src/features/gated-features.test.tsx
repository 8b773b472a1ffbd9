import { screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { MOCK_ENTERPRISES } from '../mock/mock-learners.js';
import { renderPortal } from '../test/render-portal.js';

it('suggests courses as the learner types when enterprise.new_catalog_search is on', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    flags: { 'enterprise.new_catalog_search': true },
  });
  await user.type(await screen.findByLabelText('Search courses'), 'data');

  const list = screen.getByRole('list', { name: 'Suggestions' });
  expect(within(list).getByRole('button', { name: 'Data Science 101' })).toBeTruthy();
  expect(within(list).getByRole('button', { name: 'Data Visualisation with Python' })).toBeTruthy();

  await user.keyboard('{ArrowDown}');
  expect(document.activeElement?.textContent).toBe('Data Science 101');
  await user.keyboard('{Enter}');
  expect(screen.queryByRole('list', { name: 'Suggestions' })).toBeNull();
  expect(
    within(screen.getByRole('list', { name: 'Search results' })).getByText('Data Science 101'),
  ).toBeTruthy();
});

it('offers no suggestions when enterprise.new_catalog_search is off, only results on submit', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    flags: { 'enterprise.new_catalog_search': false },
  });
  await user.type(await screen.findByLabelText('Search courses'), 'data');
  expect(screen.queryByRole('list', { name: 'Suggestions' })).toBeNull();

  await user.keyboard('{Enter}');
  const results = screen.getByRole('list', { name: 'Search results' });
  expect(
    within(results)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['Data Science 101', 'Data Visualisation with Python']);
});

it('shows the what’s-new banner when enterprise.signed_in_banner is on, and lets the learner dismiss it', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    flags: { 'enterprise.signed_in_banner': true },
  });
  expect(await screen.findByText('New this term, alice:')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: "Dismiss the what's new banner" }));
  expect(screen.queryByText('New this term, alice:')).toBeNull();
});

it('shows no banner when the flag and the switch are off', async () => {
  renderPortal({
    username: 'alice',
    path: '/acme/',
    // The streak card is the control: once it shows, the responses carrying these values arrived.
    flags: { 'enterprise.signed_in_banner': false, 'enterprise.beta_group_feature': true },
    switches: { 'enterprise.maintenance_banner': false },
  });
  expect(await screen.findByRole('heading', { name: 'Learning streak' })).toBeTruthy();
  expect(screen.queryByText('New this term, alice:')).toBeNull();
  expect(screen.queryByText('Scheduled maintenance:')).toBeNull();
});

it('shows the maintenance banner when a response carries the switch enterprise.maintenance_banner on', async () => {
  renderPortal({ username: 'alice', path: '/acme/', switches: { 'enterprise.maintenance_banner': true } });
  expect(await screen.findByText('Scheduled maintenance:')).toBeTruthy();
});

it('shows the beta streak card only where enterprise.beta_group_feature is on for the enterprise', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    flagsByCustomer: {
      [MOCK_ENTERPRISES.acme.uuid]: { 'enterprise.beta_group_feature': true },
      [MOCK_ENTERPRISES.bluebird.uuid]: { 'enterprise.beta_group_feature': false },
    },
  });
  expect(await screen.findByRole('heading', { name: 'Learning streak' })).toBeTruthy();

  await user.selectOptions(screen.getByLabelText('Enterprise'), 'bluebird');
  expect(await screen.findByText('World History')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: 'Learning streak' })).toBeNull();
});
