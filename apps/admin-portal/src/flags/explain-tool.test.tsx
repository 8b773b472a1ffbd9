import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME } from '../test/fixtures.js';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

describe('the explain tool', () => {
  beforeEach(() => mockApi.loginAs());

  it('asks why a flag is on for a user in an enterprise and shows the value and the reason', async () => {
    let asked: URL | undefined;
    mockApi.server.use(
      http.get('*/api/admin/flags/:name/explain', ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json({
          is_active: true,
          reason: 'enterprise_percent',
          description: 'on: enterprise percentage 30% for Acme Corp, bucket 212 < 300',
          bucket: 212,
          percent: 30,
          enterprise_customer_uuid: ACME,
        });
      }),
    );
    const { user } = renderApp('#/flags/enterprise.dashboard_v2');
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.selectOptions(screen.getByLabelText('In enterprise (optional)'), ACME);
    await user.click(screen.getByRole('button', { name: 'Explain' }));

    const result = await screen.findByTestId('explain-result');
    expect(result.textContent).toBe(
      'On enterprise percentage 30% for Acme Corp, bucket 212 < 300 (rule: enterprise_percent)',
    );
    expect(asked?.pathname).toBe('/api/admin/flags/enterprise.dashboard_v2/explain');
    expect(asked?.searchParams.get('username')).toBe('alice');
    expect(asked?.searchParams.get('enterprise_customer_uuid')).toBe(ACME);
  });

  it('explains any flag from its own page, without an enterprise', async () => {
    let asked: URL | undefined;
    mockApi.server.use(
      http.get('*/api/admin/flags/:name/explain', ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json({
          is_active: false,
          reason: 'off: global percentage 10%, bucket 812 >= 100',
        });
      }),
    );
    const { user } = renderApp('#/explain');
    await user.type(await screen.findByLabelText('Flag name'), 'search.suggestions');
    await user.type(screen.getByLabelText('Username'), 'bob');
    await user.click(screen.getByRole('button', { name: 'Explain' }));

    expect((await screen.findByTestId('explain-reason')).textContent).toBe(
      'global percentage 10%, bucket 812 >= 100',
    );
    expect(screen.getByTestId('explain-result').textContent).toMatch(/^Off /);
    expect(asked?.pathname).toBe('/api/admin/flags/search.suggestions/explain');
    expect(asked?.searchParams.has('enterprise_customer_uuid')).toBe(false);
  });

  it("shows the API's message for an unknown user", async () => {
    mockApi.server.use(
      http.get('*/api/admin/flags/:name/explain', () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'No user named zed.' } }, { status: 404 }),
      ),
    );
    const { user } = renderApp('#/flags/search.suggestions');
    await user.type(await screen.findByLabelText('Username'), 'zed');
    await user.click(screen.getByRole('button', { name: 'Explain' }));

    expect((await screen.findByTestId('explain-error')).textContent).toBe('No user named zed.');
  });
});
