import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { WAFFLE_STATUS, waffleStatus } from '../test/flag-responses.js';
import { setupMswServer } from '../test/msw-server.js';
import { getJson, renderWithFlags } from '../test/render.js';
import { useFlag, useSample, useSwitch } from './index.js';

const { server } = setupMswServer();

describe('useSwitch and useSample', () => {
  it('read switches, samples and flags from a /waffle_status response', async () => {
    server.use(
      http.get(WAFFLE_STATUS, () =>
        HttpResponse.json(
          waffleStatus(
            { 'enterprise.search': true },
            { maintenance: true, 'old.switch': false },
            { 'sampled.survey': true },
          ),
        ),
      ),
    );
    function App() {
      const { data } = useQuery({ queryKey: ['waffle_status'], queryFn: () => getJson(WAFFLE_STATUS) });
      return (
        <p>
          {data ? 'loaded' : 'loading'} maintenance={String(useSwitch('maintenance'))} old=
          {String(useSwitch('old.switch'))} survey={String(useSample('sampled.survey'))} search=
          {String(useFlag('enterprise.search'))}
        </p>
      );
    }
    renderWithFlags(<App />);
    expect(screen.getByText('loading maintenance=false old=false survey=false search=false')).toBeTruthy();
    await screen.findByText('loaded maintenance=true old=false survey=true search=true');
  });
});
