import { screen } from '@testing-library/react';
import { setupFlagServer } from '@waffle-kit/msw/node';
import { renderWithFlags } from '@waffle-kit/msw/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { App } from './app.js';

const server = setupFlagServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// The real server serves this app the learner-portal set (WAFFLE_FLAG_SETS=learner-portal).
const learnerPortal = { sets: { 'learner-portal': ['enterprise.dashboard_v2'] }, set: 'learner-portal' };

it('reads a flag of its set', async () => {
  renderWithFlags(<App />, { server, ...learnerPortal, flags: { 'enterprise.dashboard_v2': true } });
  expect(await screen.findByRole('heading', { name: 'New dashboard' })).toBeTruthy();
});

it('gets no value for a flag outside its set: it reads as its default', async () => {
  renderWithFlags(<App />, {
    server,
    ...learnerPortal,
    flags: { 'enterprise.dashboard_v2': true, 'enterprise.search': true },
  });
  expect(await screen.findByRole('heading', { name: 'New dashboard' })).toBeTruthy();
  expect(screen.queryByRole('searchbox', { name: 'Search courses' })).toBeNull();
});
