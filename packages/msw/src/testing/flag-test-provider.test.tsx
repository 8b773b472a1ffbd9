import { render, screen } from '@testing-library/react';
import { Flag, useFlag, useSample, useSwitch } from '@waffle-kit/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlagReadout } from '../../test/learner-app.js';
import { FlagTestProvider } from './flag-test-provider.js';

const readout = () => screen.getByTestId('flags').textContent;
const fetchSpy = vi.spyOn(globalThis, 'fetch');
afterEach(() => {
  expect(fetchSpy).not.toHaveBeenCalled(); // no network, ever
  fetchSpy.mockClear();
});

function Switches() {
  return (
    <p data-testid="switches">
      emails {String(useSwitch('enterprise.emails_enabled'))}, survey{' '}
      {String(useSample('enterprise.survey_prompt'))}
    </p>
  );
}

describe('FlagTestProvider', () => {
  it('has the flags at the very first render, from the server source', () => {
    render(
      <FlagTestProvider flags={{ 'enterprise.dashboard_v2': true }}>
        <FlagReadout />
        <Flag name="enterprise.dashboard_v2" fallback={<h1>Dashboard</h1>}>
          <h1>New dashboard</h1>
        </Flag>
      </FlagTestProvider>,
    );
    expect(readout()).toBe('dashboard_v2 true, ready from server');
    expect(screen.getByRole('heading').textContent).toBe('New dashboard');
  });

  it('follows new flags props as a newer response', () => {
    const tree = (on: boolean) => (
      <FlagTestProvider flags={{ 'enterprise.dashboard_v2': on }}>
        <FlagReadout />
      </FlagTestProvider>
    );
    const { rerender } = render(tree(false));
    expect(readout()).toBe('dashboard_v2 false, ready from server');
    rerender(tree(true));
    expect(readout()).toBe('dashboard_v2 true, ready from server');
  });

  it('uses the defaults for flags it is not given', () => {
    render(
      <FlagTestProvider flags={{ other: true }} defaults={{ 'enterprise.dashboard_v2': true }}>
        <FlagReadout />
      </FlagTestProvider>,
    );
    expect(readout()).toBe('dashboard_v2 true, ready from server');
  });

  it('scopes per customer with enterpriseCustomerUuid, and feeds switches and samples', () => {
    const acme = '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01';
    render(
      <FlagTestProvider
        flags={{ 'enterprise.dashboard_v2': false }}
        flagsByCustomer={{ [acme]: { 'enterprise.dashboard_v2': true } }}
        enterpriseCustomerUuid={acme}
        switches={{ 'enterprise.emails_enabled': true }}
        samples={{ 'enterprise.survey_prompt': false }}
      >
        <FlagReadout />
        <Switches />
      </FlagTestProvider>,
    );
    expect(readout()).toBe('dashboard_v2 true, ready from server');
    expect(screen.getByTestId('switches').textContent).toBe('emails true, survey false');
  });

  it('renders hooks that read flags without any FlagProvider of the test’s own', () => {
    function Probe() {
      return <span>{useFlag('enterprise.search') ? 'search on' : 'search off'}</span>;
    }
    render(
      <FlagTestProvider flags={{ 'enterprise.search': true }}>
        <Probe />
      </FlagTestProvider>,
    );
    expect(screen.getByText('search on')).toBeTruthy();
  });
});
