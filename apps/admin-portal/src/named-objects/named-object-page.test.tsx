import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

describe('the switches page', () => {
  beforeEach(() => mockApi.loginAs());

  it('creates a switch and lists it', async () => {
    const { user } = renderApp('#/switches');
    const create = await screen.findByRole('form', { name: 'New switch' });
    await user.type(within(create).getByLabelText('Name'), 'holiday_banner');
    await user.click(within(create).getByLabelText('Active'));
    await user.type(within(create).getByLabelText('Note'), 'December only');
    await user.click(within(create).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('holiday_banner')).toBeTruthy();
    expect(mockApi.requests('POST', '/api/admin/switches')[0]?.body).toEqual({
      name: 'holiday_banner',
      note: 'December only',
      active: true,
    });
    // The form starts afresh for the next switch.
    const next = screen.getByRole('form', { name: 'New switch' });
    expect((within(next).getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });

  it('shows a duplicate name next to the name input', async () => {
    const { user } = renderApp('#/switches');
    const create = await screen.findByRole('form', { name: 'New switch' });
    await user.type(within(create).getByLabelText('Name'), 'maintenance_banner');
    await user.click(within(create).getByRole('button', { name: 'Create' }));

    expect(await within(create).findByText('A switch with this name already exists.')).toBeTruthy();
    expect(within(create).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('edits a switch with If-Match and shows a conflict when it changed meanwhile', async () => {
    const { user } = renderApp('#/switches');
    await user.click(await screen.findByRole('button', { name: 'Edit maintenance_banner' }));
    mockApi.state.switches.set('maintenance_banner', {
      ...mockApi.state.switches.get('maintenance_banner')!,
      note: 'x',
      version: 2,
    });
    const edit = screen.getByRole('form', { name: 'Edit maintenance_banner' });
    await user.click(within(edit).getByLabelText('Active'));
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await within(edit).findByTestId('conflict-message')).toBeTruthy();
    expect(mockApi.requests('PATCH')[0]?.headers.get('if-match')).toBe('1');
    expect(mockApi.state.switches.get('maintenance_banner')?.active).toBe(false);
  });

  it('deletes a switch after a confirmation', async () => {
    const { user } = renderApp('#/switches');
    await screen.findByText('maintenance_banner');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));

    await waitFor(() => expect(screen.queryByText('maintenance_banner')).toBeNull());
    expect(mockApi.state.switches.size).toBe(0);
  });
});

describe('the samples page', () => {
  beforeEach(() => mockApi.loginAs());

  it('changes a sample percent with a PATCH', async () => {
    const { user } = renderApp('#/samples');
    expect(await screen.findByText('12.5%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit new_search_sampling' }));
    const edit = screen.getByRole('form', { name: 'Edit new_search_sampling' });
    await user.clear(within(edit).getByLabelText('Percent'));
    await user.type(within(edit).getByLabelText('Percent'), '20');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('20%')).toBeTruthy();
    expect(mockApi.requests('PATCH', '/api/admin/samples/new_search_sampling')[0]?.body).toEqual({
      note: '',
      percent: 20,
    });
  });

  it('refuses a percent out of range before sending', async () => {
    const { user } = renderApp('#/samples');
    const create = await screen.findByRole('form', { name: 'New sample' });
    await user.type(within(create).getByLabelText('Name'), 'too_much');
    await user.type(within(create).getByLabelText('Percent'), '150');
    await user.click(within(create).getByRole('button', { name: 'Create' }));

    expect(within(create).getByText(/Enter a percentage from 0.0 to 100.0/)).toBeTruthy();
    expect(mockApi.requests('POST')).toHaveLength(0);
  });
});

describe('the flag sets page', () => {
  beforeEach(() => mockApi.loginAs());

  it('is in the navigation and lists the sets with their notes and a link to their flags', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('link', { name: 'Flag sets' }));
    expect(await screen.findByText('Flags the learner portal reads')).toBeTruthy();
    expect(screen.getAllByTestId('flag-set-row')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Flags of admin' }).getAttribute('href')).toBe(
      '#/flags?set=admin',
    );
  });

  it('creates a set with a note', async () => {
    const { user } = renderApp('#/flag-sets');
    const create = await screen.findByRole('form', { name: 'New flag set' });
    await user.type(within(create).getByLabelText('Name'), 'mobile');
    await user.type(within(create).getByLabelText('Note'), 'The mobile apps');
    await user.click(within(create).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('The mobile apps')).toBeTruthy();
    expect(mockApi.requests('POST', '/api/admin/flag-sets')[0]?.body).toEqual({
      name: 'mobile',
      note: 'The mobile apps',
    });
  });

  it('edits a set’s note with If-Match', async () => {
    const { user } = renderApp('#/flag-sets');
    await user.click(await screen.findByRole('button', { name: 'Edit marketing' }));
    const edit = screen.getByRole('form', { name: 'Edit marketing' });
    await user.clear(within(edit).getByLabelText('Note'));
    await user.type(within(edit).getByLabelText('Note'), 'Landing pages');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Landing pages')).toBeTruthy();
    const [patch] = mockApi.requests('PATCH', '/api/admin/flag-sets/marketing');
    expect(patch?.body).toEqual({ note: 'Landing pages' });
    expect(patch?.headers.get('if-match')).toBe('1');
  });

  it('deletes a set after a confirmation; its flags stay, out of the set', async () => {
    const { user } = renderApp('#/flag-sets');
    const row = (await screen.findByText('admin')).closest('li')!;
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'Delete' }));
    expect(mockApi.requests('DELETE')).toHaveLength(0);
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'Yes, delete' }));

    await waitFor(() => expect(screen.getAllByTestId('flag-set-row')).toHaveLength(2));
    expect(mockApi.requests('DELETE', '/api/admin/flag-sets/admin')).toHaveLength(1);
    expect(mockApi.state.flags.get('search.suggestions')?.sets).toEqual(['learner-portal']);
  });
});
