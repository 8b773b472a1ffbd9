import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { learnerPage, meta } from '../test/flag-responses.js';
import { makeQueryClient, renderWithFlags, renderWithoutProvider } from '../test/render.js';
import { Flag, FlagProvider, useFlag, useFlagSource, useFlags, useFlagsStatus } from './index.js';

describe('useFlag', () => {
  it('returns the server value, else the provider default, else false', () => {
    function App() {
      const values = [
        useFlag('on.server'),
        useFlag('off.server'),
        useFlag('default.only'),
        useFlag('unknown'),
      ];
      return <p>{values.join(' ')}</p>;
    }
    const { queryClient } = renderWithFlags(<App />, {
      defaults: { 'default.only': true, 'off.server': true },
    });
    act(() => {
      queryClient.setQueryData(['learner'], learnerPage({ 'on.server': true, 'off.server': false }));
    });
    expect(screen.getByText('true false true false')).toBeTruthy();
  });

  it('does not re-render a component reading flag A when only flag B changes', () => {
    const renders = { a: 0, b: 0 };
    function ReadsA() {
      renders.a++;
      return <p>a={String(useFlag('flag.a'))}</p>;
    }
    function ReadsB() {
      renders.b++;
      return <p>b={String(useFlag('flag.b'))}</p>;
    }
    const { queryClient } = renderWithFlags(
      <>
        <ReadsA />
        <ReadsB />
      </>,
    );
    let evaluatedAt = 1_000;
    const respond = (values: Record<string, boolean>) =>
      act(() => {
        evaluatedAt += 1_000;
        queryClient.setQueryData(
          ['learner'],
          learnerPage(values, { meta: meta({ evaluated_at: evaluatedAt }) }),
        );
      });
    respond({ 'flag.a': true, 'flag.b': false });
    const before = { ...renders };
    respond({ 'flag.a': true, 'flag.b': true });
    respond({ 'flag.a': true, 'flag.b': false });
    expect(screen.getByText('b=false')).toBeTruthy();
    expect(renders.a).toBe(before.a);
    expect(renders.b).toBe(before.b + 2);
  });

  it('tells where a value comes from', () => {
    function App() {
      return (
        <p>
          {useFlagSource('from.server')} {useFlagSource('from.bootstrap')} {useFlagSource('nowhere')}
        </p>
      );
    }
    const { queryClient } = renderWithFlags(<App />, {
      bootstrap: { 'from.bootstrap': true, 'from.server': false },
    });
    act(() => {
      queryClient.setQueryData(['learner'], learnerPage({ 'from.server': true }));
    });
    expect(screen.getByText('server bootstrap defaults')).toBeTruthy();
  });

  it('lists every known flag with useFlags', () => {
    let flags: Record<string, boolean> = {};
    function App() {
      flags = useFlags();
      return null;
    }
    const { queryClient } = renderWithFlags(<App />, { defaults: { 'only.default': true } });
    act(() => {
      queryClient.setQueryData(
        ['learner'],
        learnerPage({ 'enterprise.search': true, 'enterprise.beta': false }),
      );
    });
    expect(flags).toEqual({ 'only.default': true, 'enterprise.search': true, 'enterprise.beta': false });
  });

  it('throws a clear error without a FlagProvider', () => {
    function Lonely() {
      return <p>{String(useFlag('x'))}</p>;
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderWithoutProvider(<Lonely />)).toThrow(/no FlagProvider above/);
    vi.restoreAllMocks();
  });
});

describe('onExposure', () => {
  it('fires once per (flag, value), from an effect, once flags are known', () => {
    const exposures: string[] = [];
    let rendering = false;
    const onExposure = (name: string, value: boolean) => {
      expect(rendering).toBe(false);
      exposures.push(`${name}=${value}`);
    };
    function Reader() {
      rendering = true;
      const on = useFlag('enterprise.search');
      rendering = false;
      return <p>{String(on)}</p>;
    }
    const { queryClient, rerenderWith } = renderWithFlags(
      <>
        <Reader />
        <Reader />
      </>,
      { onExposure },
    );
    expect(exposures).toEqual([]); // still loading: the default is not an exposure
    let evaluatedAt = 1_000;
    const respond = (value: boolean) =>
      act(() => {
        evaluatedAt += 1_000;
        queryClient.setQueryData(
          ['learner'],
          learnerPage({ 'enterprise.search': value }, { meta: meta({ evaluated_at: evaluatedAt }) }),
        );
      });
    respond(true);
    rerenderWith({ onExposure });
    respond(false);
    respond(true);
    respond(false);
    expect(exposures).toEqual(['enterprise.search=true', 'enterprise.search=false']);
  });
});

describe('FlagProvider wiring', () => {
  it('works with a queryClient prop and no QueryClientProvider', () => {
    const queryClient = makeQueryClient();
    function App() {
      return <p>{`${useFlag('enterprise.search')} ${useFlagsStatus().status}`}</p>;
    }
    render(
      <FlagProvider queryClient={queryClient}>
        <App />
      </FlagProvider>,
    );
    act(() => {
      queryClient.setQueryData(['learner'], learnerPage({ 'enterprise.search': true }));
    });
    expect(screen.getByText('true ready')).toBeTruthy();
  });

  it('follows the cache and exposes once under StrictMode’s double effects', () => {
    const queryClient = makeQueryClient();
    const exposures: string[] = [];
    function App() {
      return <p>search {String(useFlag('enterprise.search'))}</p>;
    }
    render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <FlagProvider onExposure={(name, value) => exposures.push(`${name}=${value}`)}>
            <App />
          </FlagProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
    act(() => {
      queryClient.setQueryData(['learner'], learnerPage({ 'enterprise.search': true }));
    });
    expect(screen.getByText('search true')).toBeTruthy();
    expect(exposures).toEqual(['enterprise.search=true']);
  });
});

describe('<Flag>', () => {
  it('renders its children when the flag is on and the fallback when it is off', () => {
    const { queryClient } = renderWithFlags(
      <>
        <Flag name="on.flag" fallback={<p>old on</p>}>
          <p>new on</p>
        </Flag>
        <Flag name="off.flag" fallback={<p>old off</p>}>
          <p>new off</p>
        </Flag>
      </>,
    );
    act(() => {
      queryClient.setQueryData(['learner'], learnerPage({ 'on.flag': true, 'off.flag': false }));
    });
    expect(screen.getByText('new on')).toBeTruthy();
    expect(screen.getByText('old off')).toBeTruthy();
    expect(screen.queryByText('old on')).toBeNull();
    expect(screen.queryByText('new off')).toBeNull();
  });
});
