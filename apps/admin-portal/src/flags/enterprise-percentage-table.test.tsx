import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME, GLOBEX } from '../test/fixtures.js';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

const DASHBOARD = '#/flags/enterprise.dashboard_v2';
const rows = () =>
  within(screen.getByTestId('enterprise-percentages')).queryAllByTestId('enterprise-percentage-row');
const entries = () => mockApi.state.flags.get('enterprise.dashboard_v2')!.enterprise_percentages;

describe('the enterprise percentage table', () => {
  beforeEach(() => mockApi.loginAs());

  it('lists each enterprise with its percent and how many linked learners it turns on', async () => {
    renderApp(DASHBOARD);
    await screen.findByLabelText('Percent for Acme Corp');
    const [acme] = rows();
    expect(within(acme!).getByRole('rowheader').textContent).toBe('Acme Corp');
    expect((within(acme!).getByLabelText('Percent for Acme Corp') as HTMLInputElement).value).toBe('30');
    expect(within(acme!).getByTestId('learners-on').textContent).toBe('12 of 40 linked learners');
  });

  it('shows a dash where the API sends no learner counts', async () => {
    const current = mockApi.state.flags.get('enterprise.dashboard_v2')!;
    mockApi.state.flags.set(current.name, {
      ...current,
      enterprise_percentages: [{ enterprise_customer_uuid: ACME, percent: 30 }],
    });
    renderApp(DASHBOARD);
    expect((await screen.findByTestId('learners-on')).textContent).toBe('—');
  });

  it('adds a percentage for another enterprise with a PUT', async () => {
    const { user } = renderApp(DASHBOARD);
    await screen.findByLabelText('Percent for Acme Corp');
    const customer = screen.getByLabelText('Enterprise customer');
    expect(within(customer).queryByRole('option', { name: 'Acme Corp' })).toBeNull();
    await user.selectOptions(customer, GLOBEX);
    await user.type(screen.getByLabelText('Enterprise percent'), '0');
    await user.click(screen.getByRole('button', { name: 'Add percentage' }));

    await waitFor(() => expect(rows()).toHaveLength(2));
    const [put] = mockApi.requests('PUT');
    expect(put?.path).toBe(`/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/${GLOBEX}`);
    expect(put?.body).toEqual({ percent: 0 });
    expect(put?.headers.get('x-csrftoken')).toBe(mockApi.csrfToken);
    expect(screen.getByLabelText('Percent for Globex')).toBeTruthy();
  });

  it('asks for an enterprise and a valid percent before adding', async () => {
    const { user } = renderApp(DASHBOARD);
    await screen.findByLabelText('Percent for Acme Corp');
    await user.type(screen.getByLabelText('Enterprise percent'), '101');
    await user.click(screen.getByRole('button', { name: 'Add percentage' }));
    expect(await screen.findByText('Choose an enterprise customer.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Enterprise customer'), GLOBEX);
    await user.click(screen.getByRole('button', { name: 'Add percentage' }));
    expect(await screen.findByText(/Enter a percentage from 0.0 to 100.0/)).toBeTruthy();
    expect(mockApi.requests('PUT')).toHaveLength(0);
  });

  it('changes a percentage on Enter and shows the new learner count', async () => {
    const { user } = renderApp(DASHBOARD);
    const input = await screen.findByLabelText('Percent for Acme Corp');
    await user.clear(input);
    await user.type(input, '100{Enter}');

    await waitFor(() => expect(entries()[0]?.percent).toBe(100));
    expect(mockApi.requests('PUT')[0]?.path).toBe(
      `/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/${ACME}`,
    );
    // The mock counts alice, Acme's one linked learner.
    await waitFor(() => expect(screen.getByTestId('learners-on').textContent).toBe('1 of 1 linked learner'));
  });

  it('checks a changed percent before sending it', async () => {
    const { user } = renderApp(DASHBOARD);
    const input = await screen.findByLabelText('Percent for Acme Corp');
    await user.clear(input);
    await user.type(input, '33.33');
    await user.click(screen.getByRole('button', { name: 'Save percentage: Acme Corp' }));

    expect(await screen.findByText(/Enter a percentage from 0.0 to 100.0/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(entries()[0]?.percent).toBe(30);
  });

  it("shows the API's message beside the row when the server rejects a change", async () => {
    mockApi.server.use(
      http.put('*/api/admin/flags/:name/enterprise-percentages/:uuid', () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_error',
              message: 'Not saved.',
              fields: { enterprise_customer_uuid: 'Acme Corp is inactive.' },
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderApp(DASHBOARD);
    const input = await screen.findByLabelText('Percent for Acme Corp');
    await user.clear(input);
    await user.type(input, '50');
    await user.click(screen.getByRole('button', { name: 'Save percentage: Acme Corp' }));

    expect((await screen.findByText('Acme Corp is inactive.')).id).toBe(
      input.getAttribute('aria-describedby'),
    );
    expect(entries()[0]?.percent).toBe(30);
  });

  it('removes a percentage with a DELETE', async () => {
    const { user } = renderApp(DASHBOARD);
    await user.click(await screen.findByRole('button', { name: 'Remove percentage: Acme Corp' }));

    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(mockApi.requests('DELETE')[0]?.path).toBe(
      `/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/${ACME}`,
    );
    expect(entries()).toEqual([]);
  });

  it('keeps the flag form saving with the version the percentage change produced', async () => {
    const { user } = renderApp(DASHBOARD);
    await user.type(await screen.findByLabelText('Note'), ' (v2)');
    await user.click(screen.getByRole('button', { name: 'Remove percentage: Acme Corp' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved.');
    expect(mockApi.requests('PATCH')[0]?.headers.get('if-match')).toBe('4');
    expect(mockApi.state.flags.get('enterprise.dashboard_v2')?.note).toBe(
      'Redesigned learner dashboard (v2)',
    );
  });

  it('holds the flag form while a percentage write is in flight, since it changes the version', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    mockApi.server.use(
      http.delete('*/api/admin/flags/:name/enterprise-percentages/:uuid', async () => {
        await gate;
        // No answer: the mock API's own handler answers next.
        return undefined;
      }),
    );
    const { user } = renderApp(DASHBOARD);
    await user.click(await screen.findByRole('button', { name: 'Remove percentage: Acme Corp' }));
    const save = screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(true));

    release();
    await waitFor(() => expect(save.disabled).toBe(false));
  });
});
