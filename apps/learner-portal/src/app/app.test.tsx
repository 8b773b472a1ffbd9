import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { expect, it } from 'vitest';
import { mockApi } from '../test/mock-api.js';
import { renderPortal } from '../test/render-portal.js';

it('shows the sign-in form when a request finds the session gone', async () => {
  renderPortal({
    username: 'alice',
    path: '/acme/',
    handlers: [
      http.post('*/api/v1/bffs/learner/dashboard/', () =>
        HttpResponse.json(
          { error: { code: 'not_authenticated', message: 'Log in first.' } },
          { status: 401 },
        ),
      ),
    ],
  });
  expect(await screen.findByRole('heading', { name: 'Sign in to your learning portal' })).toBeTruthy();
});

it('tells a learner linked to no enterprise so, instead of showing an empty dashboard', async () => {
  renderPortal({
    username: 'alice',
    path: '/',
    handlers: [
      http.get('*/enterprise/api/v1/enterprise-learner/', () =>
        HttpResponse.json({
          count: 0,
          next: null,
          previous: null,
          num_pages: 1,
          current_page: 1,
          start: 0,
          results: [],
        }),
      ),
    ],
  });
  expect(await screen.findByRole('heading', { name: 'No enterprise yet' })).toBeTruthy();
  expect(window.location.pathname).toBe('/');
});

it('shows an error with a retry when the session check fails, and the portal after a retry', async () => {
  const { user } = renderPortal({
    username: 'alice',
    path: '/acme/',
    handlers: [http.get('*/api/auth/me', () => HttpResponse.error(), { once: true })],
  });
  const heading = await screen.findByRole('heading', { name: 'We could not reach the portal' });
  const alert = heading.closest('[role="alert"]') as HTMLElement;
  expect(alert.textContent).toContain('The server did not answer');

  await user.click(within(alert).getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Data Science 101')).toBeTruthy();
  expect(mockApi.requests.filter((r) => r === 'GET /api/auth/me')).toHaveLength(2);
});
