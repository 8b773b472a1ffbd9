import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME } from '../test/fixtures.js';
import { mockApi } from '../test/mock-admin-api.js';
import { renderApp } from '../test/render-app.js';

describe('the enterprise customers page', () => {
  beforeEach(() => mockApi.loginAs());

  it('lists the customers and creates one', async () => {
    const { user } = renderApp('#/enterprises');
    expect(await screen.findByRole('link', { name: 'Acme Corp' })).toBeTruthy();
    const create = screen.getByRole('form', { name: 'New enterprise customer' });
    await user.type(within(create).getByLabelText('Name'), 'Initech');
    await user.type(within(create).getByLabelText('Slug'), 'initech');
    await user.click(within(create).getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('link', { name: 'Initech' })).toBeTruthy();
    expect(mockApi.requests('POST', '/api/admin/enterprise-customers')[0]?.body).toEqual({
      name: 'Initech',
      slug: 'initech',
      active: true,
    });
  });

  it('shows a taken slug next to the slug input', async () => {
    const { user } = renderApp('#/enterprises');
    const create = await screen.findByRole('form', { name: 'New enterprise customer' });
    await user.type(within(create).getByLabelText('Name'), 'Acme again');
    await user.type(within(create).getByLabelText('Slug'), 'acme');
    await user.click(within(create).getByRole('button', { name: 'Create' }));

    expect(await within(create).findByText('This slug is taken.')).toBeTruthy();
  });

  it("links and unlinks a customer's learners", async () => {
    const { user } = renderApp('#/enterprises');
    await user.click(await screen.findByRole('link', { name: 'Acme Corp' }));
    const learners = await screen.findByTestId('enterprise-learners');
    expect(await within(learners).findByText('alice')).toBeTruthy();

    const link = within(learners).getByRole('form', { name: 'Link a learner' });
    await user.type(within(link).getByLabelText('Username'), 'bob');
    await user.click(within(link).getByRole('button', { name: 'Link learner' }));
    await waitFor(() => expect(within(learners).getAllByTestId('learner-row')).toHaveLength(2));
    expect(mockApi.requests('POST', `/enterprise-customers/${ACME}/learners`)[0]?.body).toEqual({
      username: 'bob',
      active: true,
      linked: true,
    });

    const alice = within(learners).getAllByTestId('learner-row')[0]!;
    await user.click(within(alice).getByRole('button', { name: 'Unlink' }));
    await user.click(within(alice).getByRole('button', { name: 'Yes, unlink' }));
    await waitFor(() => expect(within(learners).queryByText('alice')).toBeNull());
    expect(mockApi.requests('DELETE')[0]?.path).toBe(
      `/api/admin/enterprise-customers/${ACME}/learners/alice`,
    );
  });

  it('shows an unknown username next to the input', async () => {
    const { user } = renderApp(`#/enterprises/${ACME}`);
    const learners = await screen.findByTestId('enterprise-learners');
    const link = within(learners).getByRole('form', { name: 'Link a learner' });
    await user.type(within(link).getByLabelText('Username'), 'zed');
    await user.click(within(link).getByRole('button', { name: 'Link learner' }));

    expect(await within(link).findByText('No user named zed.')).toBeTruthy();
  });
});
