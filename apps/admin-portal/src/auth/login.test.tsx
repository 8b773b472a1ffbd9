import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

describe('logging in', () => {
  it('shows the login form without a session, then the flags once staff logs in', async () => {
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), 'staff-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Flags' })).toBeTruthy();
    expect(screen.getByTestId('current-user').textContent).toBe('sam');
    expect(await screen.findByRole('link', { name: 'enterprise.dashboard_v2' })).toBeTruthy();
    expect(mockApi.requests('POST', '/api/auth/login')[0]?.body).toEqual({
      username: 'sam',
      password: 'staff-pass',
    });
  });

  it("shows the server's message for a wrong password and stays on the form", async () => {
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect((await screen.findByTestId('login-error')).textContent).toBe('The username or password is wrong.');
    expect(screen.queryByRole('heading', { name: 'Flags' })).toBeNull();
  });

  it('tells a learner the page is for staff only', async () => {
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'learner-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const notice = await screen.findByTestId('staff-only');
    expect(notice.textContent).toContain('Staff only');
    expect(notice.textContent).toContain('alice');
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
  });

  it('logs out with the CSRF header and returns to the login form', async () => {
    mockApi.loginAs();
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(mockApi.requests('POST', '/api/auth/logout')[0]?.headers.get('x-csrftoken')).toBe(
      mockApi.csrfToken,
    );
  });

  it('shows the login form when the session has ended during use', async () => {
    mockApi.loginAs();
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Flags' });
    mockApi.state.session = null;
    await user.click(screen.getByRole('link', { name: 'Switches' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeTruthy();
  });
});
