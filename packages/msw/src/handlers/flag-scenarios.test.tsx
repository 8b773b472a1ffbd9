import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlagReadout, LearnerQuery, WAFFLE_STATUS_URL } from '../../test/learner-app.js';
import { setupTestServer } from '../../test/msw-server.js';
import { renderWithFlags } from '../testing/render-with-flags.js';
import { flagScenarios } from './flag-scenarios.js';

const server = setupTestServer();
const defaults = { 'enterprise.dashboard_v2': true };
const readout = () => screen.getByTestId('flags').textContent;
const queryStatus = (name: string) => screen.getByTestId(`query-${name}`).textContent;

function renderLearner(handlers: ReturnType<typeof flagScenarios.serverError>) {
  // The fixtures turn the flag off; the defaults turn it on: a default shows as "true".
  return renderWithFlags(
    <>
      <LearnerQuery name="a" />
      <FlagReadout />
    </>,
    { server, handlers, defaults, flags: { 'enterprise.dashboard_v2': false } },
  );
}

describe('flagScenarios', () => {
  it('missingKey: with flagQueryKey, useFlag keeps the default and useFlagsStatus reports the error', async () => {
    renderWithFlags(
      <>
        <LearnerQuery name="a" />
        <FlagReadout />
      </>,
      {
        server,
        handlers: flagScenarios.missingKey(),
        defaults,
        flags: { 'enterprise.dashboard_v2': false },
        flagQueryKey: ['learner'],
      },
    );
    await waitFor(() => expect(queryStatus('a')).toBe('success'));
    expect(readout()).toBe('dashboard_v2 true, error from defaults');
  });

  it('missingKey: without flagQueryKey a success cannot be told from an unrelated query; status stays loading', async () => {
    renderLearner(flagScenarios.missingKey());
    await waitFor(() => expect(queryStatus('a')).toBe('success'));
    expect(readout()).toBe('dashboard_v2 true, loading from defaults');
  });

  it('missingKey on /waffle_status: switches still arrive (status ready), flags keep their defaults', async () => {
    renderWithFlags(
      <>
        <LearnerQuery name="status" url={WAFFLE_STATUS_URL} />
        <FlagReadout />
      </>,
      {
        server,
        handlers: flagScenarios.missingKey({ switches: { 'enterprise.emails_enabled': true } }),
        defaults,
        flags: { 'enterprise.dashboard_v2': false },
      },
    );
    await waitFor(() => expect(queryStatus('status')).toBe('success'));
    expect(readout()).toBe('dashboard_v2 true, ready from server');
  });

  it('serverError: a 500; useFlag keeps the default and useFlagsStatus reports the error', async () => {
    renderLearner(flagScenarios.serverError());
    await waitFor(() => expect(queryStatus('a')).toBe('error'));
    expect(readout()).toBe('dashboard_v2 true, error from defaults');
  });

  it('networkError: fetch rejects; useFlag keeps the default and useFlagsStatus reports the error', async () => {
    renderLearner(flagScenarios.networkError());
    await waitFor(() => expect(queryStatus('a')).toBe('error'));
    expect(readout()).toBe('dashboard_v2 true, error from defaults');
  });

  it('slow: defaults while the response is on its way, the served values once it lands', async () => {
    renderLearner(flagScenarios.slow(150, { flags: { 'enterprise.dashboard_v2': false } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queryStatus('a')).toBe('pending');
    expect(readout()).toBe('dashboard_v2 true, loading from defaults');
    await waitFor(() => expect(readout()).toBe('dashboard_v2 false, ready from server'));
  });

  it('outOfOrder: the older evaluation landing last does not overwrite the newer one', async () => {
    const { queryClient } = renderWithFlags(
      <>
        <LearnerQuery name="first" />
        <LearnerQuery name="second" wait={20} />
        <FlagReadout />
      </>,
      {
        server,
        defaults,
        handlers: flagScenarios.outOfOrder({
          stale: { 'enterprise.dashboard_v2': true },
          fresh: { 'enterprise.dashboard_v2': false },
          delayMs: 300,
        }),
      },
    );
    await waitFor(() => expect(queryStatus('second')).toBe('success'));
    expect(queryStatus('first')).toBe('pending');
    expect(readout()).toBe('dashboard_v2 false, ready from server');
    await waitFor(() => expect(queryStatus('first')).toBe('success'));
    // The stale answer did land (so this test can fail), and lost.
    const stale = queryClient.getQueryData<{ enterprise_features: Record<string, boolean> }>([
      'learner',
      'first',
    ]);
    expect(stale?.enterprise_features['enterprise.dashboard_v2']).toBe(true);
    expect(readout()).toBe('dashboard_v2 false, ready from server');
  });
});
