import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderPortal } from '../test/render-portal.js';

it('shows the sign-in form when there is no session, and the first enterprise after signing in', async () => {
  const { user } = renderPortal();
  await user.type(await screen.findByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), 'alice-demo');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
  expect(window.location.pathname).toBe('/acme/');
  expect(screen.getByText('Data Science 101')).toBeTruthy();
});

it('says what went wrong when the password is wrong, and stays on the form', async () => {
  const { user } = renderPortal();
  await user.type(await screen.findByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), 'nope');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  expect((await screen.findByRole('alert')).textContent).toContain('The username or password is wrong.');
  expect(screen.getByLabelText('Password')).toBeTruthy();
});

it('shows the field messages of a 400 beside their inputs', async () => {
  const { user } = renderPortal();
  await user.click(await screen.findByRole('button', { name: 'Sign in' }));

  expect(await screen.findByText('Enter a username.')).toBeTruthy();
  expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
});

it('signs out back to the form and forgets the learner', async () => {
  const { user } = renderPortal({ username: 'alice', path: '/acme/' });
  await user.click(await screen.findByRole('button', { name: 'Sign out' }));

  expect(await screen.findByRole('heading', { name: 'Sign in to your learning portal' })).toBeTruthy();
  await waitFor(() => expect(window.location.pathname).toBe('/'));
});
