import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { learnerPage } from '../test/flag-responses.js';
import { renderWithFlags } from '../test/render.js';
import { useFlag, useFlagSource, useFlagsStatus } from './index.js';
import { OVERRIDES_KEY, readOverrides } from './overrides.js';

function App() {
  const { source, overrides } = useFlagsStatus();
  return (
    <p>
      beta={String(useFlag('enterprise.beta'))}/{useFlagSource('enterprise.beta')} search=
      {String(useFlag('enterprise.search'))}/{useFlagSource('enterprise.search')} source={source} overrides=
      {JSON.stringify(overrides)}
    </p>
  );
}

describe('readOverrides', () => {
  it('turns ?feature=name on and ?feature=!name off, and keeps them for the tab', () => {
    expect(readOverrides('?feature=enterprise.beta&feature=!enterprise.search', sessionStorage)).toEqual({
      'enterprise.beta': true,
      'enterprise.search': false,
    });
    expect(readOverrides('', sessionStorage)).toEqual({
      'enterprise.beta': true,
      'enterprise.search': false,
    });
    expect(readOverrides('?feature=!enterprise.beta', sessionStorage)).toEqual({
      'enterprise.beta': false,
      'enterprise.search': false,
    });
  });

  it('clears them with an empty ?feature=', () => {
    readOverrides('?feature=enterprise.beta', sessionStorage);
    expect(readOverrides('?feature=', sessionStorage)).toEqual({});
    expect(sessionStorage.getItem(OVERRIDES_KEY)).toBe('{}');
  });
});

describe('overrides in FlagProvider', () => {
  it('win over server values when allowed, and show in the status and per flag', () => {
    history.replaceState(null, '', '/?feature=enterprise.beta&feature=!enterprise.search');
    const { queryClient } = renderWithFlags(<App />, { allowOverrides: true });
    act(() => {
      queryClient.setQueryData(
        ['learner'],
        learnerPage({ 'enterprise.beta': false, 'enterprise.search': true }),
      );
    });
    expect(
      screen.getByText(
        'beta=true/overrides search=false/overrides source=overrides overrides={"enterprise.beta":true,"enterprise.search":false}',
      ),
    ).toBeTruthy();
  });

  it('persist for the tab after the query string is gone', () => {
    history.replaceState(null, '', '/?feature=enterprise.beta');
    const first = renderWithFlags(<App />, { allowOverrides: true });
    first.unmount();
    history.replaceState(null, '', '/courses');
    renderWithFlags(<App />, { allowOverrides: true });
    expect(screen.getByText(/^beta=true\/overrides/)).toBeTruthy();
  });

  it('are ignored when not allowed', () => {
    history.replaceState(null, '', '/?feature=enterprise.beta&feature=!enterprise.search');
    const { queryClient } = renderWithFlags(<App />, { allowOverrides: false });
    act(() => {
      queryClient.setQueryData(
        ['learner'],
        learnerPage({ 'enterprise.beta': false, 'enterprise.search': true }),
      );
    });
    expect(screen.getByText('beta=false/server search=true/server source=server overrides={}')).toBeTruthy();
  });

  it('are allowed by default outside production builds', () => {
    expect(process.env.NODE_ENV).not.toBe('production');
    history.replaceState(null, '', '/?feature=enterprise.beta');
    renderWithFlags(<App />, { allowOverrides: undefined });
    expect(screen.getByText(/^beta=true\/overrides/)).toBeTruthy();
  });

  it('are off by default in production builds', () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      history.replaceState(null, '', '/?feature=enterprise.beta');
      renderWithFlags(<App />, { allowOverrides: undefined });
      expect(screen.getByText(/^beta=false\/default/)).toBeTruthy();
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
