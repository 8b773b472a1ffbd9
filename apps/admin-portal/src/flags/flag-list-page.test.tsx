import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

const shownNames = () =>
  screen.getAllByTestId('flag-row').map((row) => within(row).getByRole('link').textContent);
/** The sets' selects fill in when `GET /flag-sets` answers. */
const setsLoaded = () => within(screen.getByTestId('bulk-set')).findByRole('option', { name: 'marketing' });

describe('the flags list', () => {
  beforeEach(() => mockApi.loginAs());

  it('searches name and note through the API and shows only the matches', async () => {
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'search.suggestions' });
    await user.type(screen.getByLabelText('Search name and note'), 'dashboard');

    await waitFor(() => expect(shownNames()).toEqual(['enterprise.dashboard_v2']));
    const searches = mockApi.requests('GET', '/api/admin/flags').map((r) => r.query.get('search'));
    expect(searches).toEqual([null, 'dashboard']);
    await user.clear(screen.getByLabelText('Search name and note'));
    await user.type(screen.getByLabelText('Search name and note'), 'QA only');
    await waitFor(() => expect(shownNames()).toEqual(['billing.new_invoices']));
  });

  it('says so when no flag matches', async () => {
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'search.suggestions' });
    await user.type(screen.getByLabelText('Search name and note'), 'nothing-like-this');
    expect((await screen.findByTestId('flags-empty')).textContent).toBe('No flag matches.');
  });

  it('filters by everyone, percentages and testing', async () => {
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'search.suggestions' });

    await user.selectOptions(screen.getByLabelText('Everyone'), 'on');
    expect(shownNames()).toEqual(['search.suggestions']);
    await user.selectOptions(screen.getByLabelText('Everyone'), 'unset');
    expect(shownNames()).toEqual(['enterprise.dashboard_v2', 'catalog.beta']);
    await user.click(screen.getByLabelText('Has percentages'));
    expect(shownNames()).toEqual(['enterprise.dashboard_v2']);

    await user.selectOptions(screen.getByLabelText('Everyone'), 'any');
    await user.click(screen.getByLabelText('Has percentages'));
    await user.click(screen.getByLabelText('Testing'));
    expect(shownNames()).toEqual(['billing.new_invoices']);
  });

  it('shows the sets each flag is in', async () => {
    renderApp();
    const row = (name: string) =>
      screen.getAllByTestId('flag-row').find((r) => within(r).getByRole('link').textContent === name)!;
    await screen.findByRole('link', { name: 'search.suggestions' });
    expect(row('search.suggestions').querySelector('[data-label="Sets"]')?.textContent).toBe(
      'learner-portal, admin',
    );
    expect(row('catalog.beta').querySelector('[data-label="Sets"]')?.textContent).toBe('—');
  });

  it("lists a set's flags through the API's ?set=, and keeps the set in the address", async () => {
    const { user } = renderApp();
    await screen.findByRole('link', { name: 'search.suggestions' });
    await setsLoaded();
    await user.selectOptions(screen.getByLabelText('Flag set'), 'learner-portal');

    await waitFor(() => expect(shownNames()).toEqual(['enterprise.dashboard_v2', 'search.suggestions']));
    expect(mockApi.requests('GET', '/api/admin/flags').at(-1)?.query.get('set')).toBe('learner-portal');
    expect(window.location.hash).toBe('#/flags?set=learner-portal');
    // The other filters narrow the set's flags further.
    await user.selectOptions(screen.getByLabelText('Everyone'), 'on');
    expect(shownNames()).toEqual(['search.suggestions']);
  });

  it('opens with the set the address names, as after a reload', async () => {
    renderApp('#/flags?set=admin');
    await waitFor(() => expect(shownNames()).toEqual(['search.suggestions', 'billing.new_invoices']));
    expect((screen.getByLabelText('Flag set') as HTMLSelectElement).value).toBe('admin');
  });

  it('adds the selected flags to a set in one bulk request, and the list shows it', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByLabelText('Select enterprise.dashboard_v2'));
    await user.click(screen.getByLabelText('Select catalog.beta'));
    await setsLoaded();
    await user.selectOptions(screen.getByLabelText('Set to add to or remove from'), 'marketing');
    await user.click(screen.getByRole('button', { name: 'Add to set' }));

    expect((await screen.findByTestId('bulk-result')).textContent).toBe('2 flags added to marketing.');
    expect(mockApi.requests('POST', '/api/admin/flags/bulk').map((r) => r.body)).toEqual([
      { action: 'add_to_set', names: ['enterprise.dashboard_v2', 'catalog.beta'], set: 'marketing' },
    ]);
    expect(mockApi.state.flags.get('enterprise.dashboard_v2')?.sets).toEqual(['learner-portal', 'marketing']);
    await screen.findByText(
      (_, cell) => cell?.tagName === 'TD' && cell.textContent === 'learner-portal, marketing',
    );
    await user.selectOptions(screen.getByLabelText('Flag set'), 'marketing');
    await waitFor(() => expect(shownNames()).toEqual(['enterprise.dashboard_v2', 'catalog.beta']));
  });

  it('removes the selected flags from a set, keeping their other sets', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByLabelText('Select search.suggestions'));
    await setsLoaded();
    await user.selectOptions(screen.getByLabelText('Set to add to or remove from'), 'learner-portal');
    await user.click(screen.getByRole('button', { name: 'Remove from set' }));

    expect((await screen.findByTestId('bulk-result')).textContent).toBe(
      '1 flag removed from learner-portal.',
    );
    expect(mockApi.requests('POST', '/api/admin/flags/bulk')[0]?.body).toEqual({
      action: 'remove_from_set',
      names: ['search.suggestions'],
      set: 'learner-portal',
    });
    expect(mockApi.state.flags.get('search.suggestions')?.sets).toEqual(['admin']);
  });

  it('renders notes as text, never as markup', async () => {
    renderApp();
    await screen.findByRole('link', { name: 'catalog.beta' });
    expect(screen.getByText('For the <b>beta</b> group')).toBeTruthy();
    expect(screen.getByTestId('flags-table').querySelector('b')).toBeNull();
  });

  it('enables the selected flags for everyone, one PATCH with its version each', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByLabelText('Select enterprise.dashboard_v2'));
    await user.click(screen.getByLabelText('Select catalog.beta'));
    await user.click(screen.getByRole('button', { name: 'Enable for everyone' }));

    expect((await screen.findByTestId('bulk-result')).textContent).toBe('2 flags enabled for everyone.');
    const patches = mockApi.requests('PATCH', '/api/admin/flags/');
    expect(patches.map((p) => [p.path, p.body, p.headers.get('if-match')])).toEqual([
      ['/api/admin/flags/enterprise.dashboard_v2', { everyone: true }, '3'],
      ['/api/admin/flags/catalog.beta', { everyone: true }, '3'],
    ]);
    expect(mockApi.state.flags.get('catalog.beta')?.everyone).toBe(true);
  });

  it('deletes the selected flags after a confirmation', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByLabelText('Select billing.new_invoices'));
    await user.click(screen.getByTestId('bulk-delete'));
    expect(mockApi.requests('DELETE')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));

    expect((await screen.findByTestId('bulk-result')).textContent).toBe('1 flag deleted.');
    expect(mockApi.state.flags.has('billing.new_invoices')).toBe(false);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'billing.new_invoices' })).toBeNull());
  });

  it('reports a flag that changed meanwhile instead of overwriting it', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByLabelText('Select catalog.beta'));
    const current = mockApi.state.flags.get('catalog.beta')!;
    mockApi.state.flags.set('catalog.beta', { ...current, version: 4 });
    await user.click(screen.getByRole('button', { name: 'Disable for everyone' }));

    expect((await screen.findByTestId('bulk-result')).textContent).toBe(
      '0 flags disabled for everyone. 1 flag not changed (catalog.beta: changed by someone else; reload and try again).',
    );
    expect(mockApi.state.flags.get('catalog.beta')?.everyone).toBeNull();
  });
});
