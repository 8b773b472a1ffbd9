import { screen, waitFor } from '@testing-library/react';
import { useFlag, useFlagsStatus } from '@waffle-kit/react';
import { describe, expect, it } from 'vitest';
import { FlagReadout, LearnerQuery } from '../../test/learner-app.js';
import { setupTestServer } from '../../test/msw-server.js';
import { DEMO_ENTERPRISES } from '../fixtures/demo-fixtures.js';
import { renderWithFlags } from './render-with-flags.js';

const server = setupTestServer();
const ui = (
  <>
    <LearnerQuery name="a" />
    <FlagReadout />
  </>
);
const readout = () => screen.getByTestId('flags').textContent;

/** Reads one flag of the learner-portal set and one outside it. */
function SetReadout() {
  const search = useFlag('enterprise.search');
  const dashboard = useFlag('enterprise.dashboard_v2');
  const { status } = useFlagsStatus();
  return (
    <p data-testid="set-flags">
      search {String(search)}, dashboard_v2 {String(dashboard)}, {status}
    </p>
  );
}

describe('renderWithFlags', () => {
  it('renders with the flags the mocked responses carry', async () => {
    renderWithFlags(ui, { server, flags: { 'enterprise.dashboard_v2': true } });
    expect(readout()).toBe('dashboard_v2 false, loading from defaults');
    await waitFor(() => expect(readout()).toBe('dashboard_v2 true, ready from server'));
  });

  it('passes provider props on: a customer’s values win with enterpriseCustomerUuid', async () => {
    renderWithFlags(ui, {
      server,
      flags: { 'enterprise.dashboard_v2': false },
      flagsByCustomer: { acme: { 'enterprise.dashboard_v2': true } },
      enterpriseCustomerUuid: DEMO_ENTERPRISES[0]!.uuid,
    });
    await waitFor(() => expect(readout()).toBe('dashboard_v2 true, ready from server'));
  });

  it('gives every render a fresh QueryClient: nothing cached from another render', async () => {
    const first = renderWithFlags(ui, { server, flags: { 'enterprise.dashboard_v2': true } });
    await waitFor(() => expect(readout()).toBe('dashboard_v2 true, ready from server'));
    first.unmount();
    const second = renderWithFlags(ui, { server, flags: { 'enterprise.dashboard_v2': false } });
    expect(second.queryClient).not.toBe(first.queryClient);
    expect(readout()).toBe('dashboard_v2 false, loading from defaults');
    await waitFor(() => expect(readout()).toBe('dashboard_v2 false, ready from server'));
  });

  it('setFlags answers with new flags and refetches: the component follows', async () => {
    const { setFlags } = renderWithFlags(ui, { server, flags: { 'enterprise.dashboard_v2': false } });
    await waitFor(() => expect(readout()).toBe('dashboard_v2 false, ready from server'));
    await setFlags({ 'enterprise.dashboard_v2': true });
    expect(readout()).toBe('dashboard_v2 true, ready from server');
  });

  it('scoped to a set: a flag in it reads its value, a flag outside it its default', async () => {
    renderWithFlags(
      <>
        <LearnerQuery name="a" />
        <SetReadout />
      </>,
      {
        server,
        flags: { 'enterprise.search': true, 'enterprise.dashboard_v2': true },
        sets: { 'learner-portal': ['enterprise.search'] },
        set: 'learner-portal',
        defaults: { 'enterprise.dashboard_v2': false },
      },
    );
    await waitFor(() =>
      expect(screen.getByTestId('set-flags').textContent).toBe('search true, dashboard_v2 false, ready'),
    );
  });

  it('puts its handlers on the test’s server, so resetHandlers removes them', async () => {
    renderWithFlags(ui, { server, flags: { 'enterprise.dashboard_v2': true } });
    expect(server.listHandlers().length).toBeGreaterThanOrEqual(3);
    server.resetHandlers();
    expect(server.listHandlers()).toEqual([]);
  });
});
