import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

const DASHBOARD = '#/flags/enterprise.dashboard_v2';

describe('the flag editor', () => {
  beforeEach(() => mockApi.loginAs());

  it('shows every Waffle field of the flag', async () => {
    renderApp(DASHBOARD);
    const form = await screen.findByTestId('flag-form');
    const field = (label: string) => within(form).getByLabelText(label) as HTMLInputElement;
    expect(field('Name').value).toBe('enterprise.dashboard_v2');
    expect(field('Name').readOnly).toBe(true);
    expect(field('Unknown (the rules below decide)').checked).toBe(true);
    expect(field('Percent').value).toBe('10');
    expect(field('Testing').checked).toBe(false);
    expect(field('Superusers').checked).toBe(true);
    expect(field('Staff').checked).toBe(false);
    expect(field('Authenticated').checked).toBe(false);
    expect(field('Rollout').checked).toBe(false);
    expect(field('Languages').value).toBe('');
    expect(field('Note').value).toBe('Redesigned learner dashboard');
    expect(within(form).getByTestId('users-picker')).toBeTruthy();
    expect(within(form).getByTestId('groups-picker')).toBeTruthy();
  });

  it('sends only the changed fields in a PATCH with the version as If-Match and the CSRF header', async () => {
    const { user } = renderApp(DASHBOARD);
    const percent = await screen.findByLabelText('Percent');
    await user.clear(percent);
    await user.type(percent, '25.5');
    await user.click(screen.getByLabelText('Staff'));
    await user.type(screen.getByLabelText('Languages'), 'en, fr-ca');
    await user.type(screen.getByLabelText('Add to users'), 'bob{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved.');
    const [patch] = mockApi.requests('PATCH', '/api/admin/flags/enterprise.dashboard_v2');
    expect(patch?.body).toEqual({ percent: 25.5, staff: true, languages: ['en', 'fr-ca'], users: ['bob'] });
    expect(patch?.headers.get('if-match')).toBe('3');
    expect(patch?.headers.get('x-csrftoken')).toBe(mockApi.csrfToken);
    expect(screen.getByTestId('flag-meta').textContent).toContain('Version 4');
  });

  it('sends null when the percent is emptied, and the tri-state everyone as chosen', async () => {
    const { user } = renderApp(DASHBOARD);
    await user.clear(await screen.findByLabelText('Percent'));
    await user.click(screen.getByLabelText('No (off for everyone)'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByTestId('save-status');
    expect(mockApi.requests('PATCH')[0]?.body).toEqual({ percent: null, everyone: false });
  });

  it("shows the API's field messages next to the inputs after a 400", async () => {
    const { user } = renderApp(DASHBOARD);
    await user.type(await screen.findByLabelText('Add to users'), 'mallory{Enter}');
    await user.type(screen.getByLabelText('Add to groups'), 'nobody{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const users = screen.getByTestId('users-picker');
    expect((await within(users).findByText('Unknown users: mallory.')).className).toBe('field__error');
    expect(within(screen.getByTestId('groups-picker')).getByText('Unknown groups: nobody.')).toBeTruthy();
    expect(within(users).getByLabelText('Add to users').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-errors').textContent).toBe('The flag was not saved.');
    expect(mockApi.state.flags.get('enterprise.dashboard_v2')?.version).toBe(3);

    // Fixing one field clears its message; the other stays until it is fixed too.
    await user.click(screen.getByRole('button', { name: 'Remove mallory from users' }));
    expect(within(users).queryByText('Unknown users: mallory.')).toBeNull();
    expect(within(screen.getByTestId('groups-picker')).getByText('Unknown groups: nobody.')).toBeTruthy();
  });

  it('checks the percent before sending and says what is allowed', async () => {
    const { user } = renderApp(DASHBOARD);
    const percent = await screen.findByLabelText('Percent');
    await user.clear(percent);
    await user.type(percent, '100.5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Enter a percentage from 0.0 to 100.0/).id).toBe(
      percent.getAttribute('aria-describedby')?.split(' ').at(-1),
    );
    expect(mockApi.requests('PATCH')).toHaveLength(0);
  });

  it('says the flag changed elsewhere on a 409 and reloads the latest version on request', async () => {
    const { user } = renderApp(DASHBOARD);
    await screen.findByTestId('flag-form');
    const current = mockApi.state.flags.get('enterprise.dashboard_v2')!;
    mockApi.state.flags.set(current.name, { ...current, note: 'Edited by Kim', version: 4 });
    await user.click(screen.getByLabelText('Authenticated'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByTestId('conflict-message');
    expect(conflict.textContent).toContain('changed by someone else');
    expect(mockApi.state.flags.get(current.name)?.authenticated).toBe(false);

    await user.click(within(conflict).getByRole('button', { name: 'Reload the latest version' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Edited by Kim'),
    );
    expect(screen.queryByTestId('conflict-message')).toBeNull();
    expect(screen.getByTestId('flag-meta').textContent).toContain('Version 4');
  });

  it('warns that percentages have no effect while everyone is set', async () => {
    const { user } = renderApp(DASHBOARD);
    await screen.findByTestId('flag-form');
    expect(screen.queryByTestId('everyone-warning')).toBeNull();

    await user.click(screen.getByLabelText('Yes (on for everyone)'));
    const warning = screen.getByTestId('everyone-warning');
    expect(warning.textContent).toContain('this flag is on for every request');
    expect(warning.textContent).toContain('the enterprise percentage');
    expect(warning.textContent).toContain('have no effect');

    await user.click(screen.getByLabelText('Unknown (the rules below decide)'));
    expect(screen.queryByTestId('everyone-warning')).toBeNull();
  });

  it('shows the warning for a flag saved with everyone set to No', async () => {
    renderApp('#/flags/billing.new_invoices');
    expect((await screen.findByTestId('everyone-warning')).textContent).toContain(
      'this flag is off for every request',
    );
  });

  it('creates a new flag with Waffle defaults and opens it', async () => {
    const { user } = renderApp('#/flags/new');
    await user.type(await screen.findByLabelText('Name'), 'reports.export_csv');
    await user.type(screen.getByLabelText('Note'), 'CSV export');
    await user.click(screen.getByRole('button', { name: 'Create flag' }));

    expect(await screen.findByRole('heading', { name: 'reports.export_csv' })).toBeTruthy();
    expect(mockApi.requests('POST', '/api/admin/flags')[0]?.body).toEqual({
      name: 'reports.export_csv',
      everyone: null,
      percent: null,
      testing: false,
      superusers: true,
      staff: false,
      authenticated: false,
      languages: [],
      users: [],
      groups: [],
      sets: [],
      rollout: false,
      note: 'CSV export',
    });
    expect(window.location.hash).toBe('#/flags/reports.export_csv');
  });

  it('deletes the flag after a confirmation and returns to the list', async () => {
    const { user } = renderApp('#/flags/catalog.beta');
    await user.click(await screen.findByTestId('delete-flag'));
    await user.click(screen.getByRole('button', { name: 'Yes, delete flag' }));

    expect(await screen.findByRole('heading', { name: 'Flags' })).toBeTruthy();
    expect(mockApi.state.flags.has('catalog.beta')).toBe(false);
  });

  it('says so when the flag does not exist', async () => {
    renderApp('#/flags/no.such.flag');
    expect((await screen.findByRole('alert')).textContent).toBe('This flag does not exist.');
  });
});
