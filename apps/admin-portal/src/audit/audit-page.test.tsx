import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

describe('the audit log', () => {
  beforeEach(() => mockApi.loginAs());

  it('lists a change made in the editor, newest first, with a before/after diff of the changed fields', async () => {
    const { user } = renderApp('#/flags/catalog.beta');
    await user.type(await screen.findByLabelText('Percent'), '30');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByTestId('save-status');
    await user.click(screen.getByRole('link', { name: 'Switches' }));
    await user.click(await screen.findByRole('button', { name: 'Edit maintenance_banner' }));
    const edit = screen.getByRole('form', { name: 'Edit maintenance_banner' });
    await user.click(within(edit).getByLabelText('Active'));
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mockApi.state.switches.get('maintenance_banner')?.active).toBe(true));

    await user.click(screen.getByRole('link', { name: 'Audit log' }));
    const entries = await screen.findAllByTestId('audit-entry');
    expect(
      entries.map((entry) => within(entry).getByText(/^(catalog\.beta|maintenance_banner)$/).textContent),
    ).toEqual(['maintenance_banner', 'catalog.beta']);
    const flagEntry = entries[1]!;
    expect(flagEntry.textContent).toContain('sam');
    expect(flagEntry.textContent).toContain('update');
    const diff = within(flagEntry).getByTestId('audit-diff');
    const rows = within(diff).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['percent', '—', '30'],
    ]);

    await user.click(within(flagEntry).getByRole('button', { name: /Show \d+ unchanged fields/ }));
    expect(within(diff).getAllByRole('row').length).toBeGreaterThan(5);
    expect(within(diff).getByText('groups').closest('tr')?.className).toBe('');
  });

  it("filters by object through the API, from the editor's history link", async () => {
    mockApi.state.audit.push({
      id: 99,
      actor: 'kim',
      action: 'update',
      object_type: 'flag',
      object_name: 'search.suggestions',
      before: { everyone: null },
      after: { everyone: true },
      created: '2026-11-20T10:00:00.000Z',
    });
    const { user } = renderApp('#/flags/search.suggestions');
    await user.click(await screen.findByRole('link', { name: 'History' }));

    const [entry] = await screen.findAllByTestId('audit-entry');
    expect(within(entry!).getByText('kim')).toBeTruthy();
    const last = mockApi.requests('GET', '/api/admin/audit').at(-1);
    expect(last?.query.get('object_type')).toBe('flag');
    expect(last?.query.get('object_name')).toBe('search.suggestions');
    expect((screen.getByLabelText('Object name') as HTMLInputElement).value).toBe('search.suggestions');
  });

  it('reads before and after sent as JSON text and created_at as the time', async () => {
    mockApi.server.use(
      http.get('*/api/admin/audit', () =>
        HttpResponse.json({
          count: 1,
          results: [
            {
              id: 1,
              actor: 'sam',
              action: 'update',
              object_type: 'sample',
              object_name: 'new_search_sampling',
              before: '{"percent":12.5}',
              after: '{"percent":20}',
              created_at: '2026-11-21T08:00:00.000Z',
            },
          ],
        }),
      ),
    );
    renderApp('#/audit');
    const diff = await screen.findByTestId('audit-diff');
    expect([...within(diff).getAllByRole('row')[1]!.children].map((cell) => cell.textContent)).toEqual([
      'percent',
      '12.5',
      '20',
    ]);
    expect(screen.getByTestId('audit-entry').querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-11-21T08:00:00.000Z',
    );
  });

  it('shows only the after side for a create and only the before side for a delete', async () => {
    mockApi.state.audit.push(
      {
        id: 2,
        actor: 'sam',
        action: 'delete',
        object_type: 'switch',
        object_name: 'old_banner',
        before: { name: 'old_banner', active: true },
        after: null,
        created: '2026-11-21T08:01:00.000Z',
      },
      {
        id: 1,
        actor: 'sam',
        action: 'create',
        object_type: 'switch',
        object_name: 'old_banner',
        before: null,
        after: { name: 'old_banner', active: true },
        created: '2026-11-21T08:00:00.000Z',
      },
    );
    renderApp('#/audit');
    const [deleted, created] = await screen.findAllByTestId('audit-diff');
    const headers = (table: HTMLElement) =>
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent);
    expect(headers(deleted!)).toEqual(['Field', 'Before']);
    expect(headers(created!)).toEqual(['Field', 'After']);
    expect(within(created!).getByText('true').className).toBe('diff__after');
  });
});
