import { screen } from '@testing-library/react';
import { flagScenarios, learnerPortalResolvers, withFlags } from '@waffle-kit/msw';
import { setupFlagServer } from '@waffle-kit/msw/node';
import { renderWithFlags } from '@waffle-kit/msw/testing';
import { http } from 'msw';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { App } from './app.js';

// Every test file: one MSW server answering the flag endpoints, reset after each test.
const server = setupFlagServer({ flags: { 'enterprise.dashboard_v2': false } });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('shows the new dashboard when its flag is on', async () => {
  renderWithFlags(<App />, { server, flags: { 'enterprise.dashboard_v2': true } });
  expect(await screen.findByRole('heading', { name: 'New dashboard' })).toBeTruthy();
});

it('shows the old dashboard when the flag is on only for another enterprise', async () => {
  renderWithFlags(<App />, {
    server,
    flags: { 'enterprise.dashboard_v2': false },
    flagsByCustomer: { acme: { 'enterprise.dashboard_v2': true } },
  });
  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
});

it('overrides one flag for one test on top of the file’s handlers', async () => {
  const base = learnerPortalResolvers({ flags: { 'enterprise.dashboard_v2': false } });
  server.use(
    http.get(
      '*/enterprise/api/v1/enterprise-learner/',
      withFlags({ 'enterprise.search': true }, base.enterpriseLearner),
    ),
  );
  renderWithFlags(<App />, { server }); // no fixtures: the server's handlers answer
  expect(await screen.findByRole('searchbox', { name: 'Search courses' })).toBeTruthy();
});

it('keeps working with default flags when the API fails', async () => {
  renderWithFlags(<App />, {
    server,
    handlers: flagScenarios.serverError(),
    defaults: { 'enterprise.dashboard_v2': true },
  });
  expect(await screen.findByRole('alert')).toBeTruthy();
});
