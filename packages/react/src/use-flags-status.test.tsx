import { useQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, learnerPage } from '../test/flag-responses.js';
import { setupMswServer } from '../test/msw-server.js';
import { getJson, renderWithFlags } from '../test/render.js';
import { useFlagsStatus } from './index.js';

const { server } = setupMswServer();

function Status() {
  useQuery({ queryKey: ['enterprise-learner'], queryFn: () => getJson(API) });
  const { status, source } = useFlagsStatus();
  return <p>{`${status} from ${source}`}</p>;
}

describe('useFlagsStatus', () => {
  it('is loading, then ready from the server once a response carries flags', async () => {
    server.use(http.get(API, () => HttpResponse.json(learnerPage({ 'enterprise.search': true }))));
    renderWithFlags(<Status />);
    expect(screen.getByText('loading from defaults')).toBeTruthy();
    await screen.findByText('ready from server');
  });

  it('is an error when the query that carries flags failed and nothing is known', async () => {
    server.use(http.get(API, () => HttpResponse.json({ detail: 'down' }, { status: 500 })));
    renderWithFlags(<Status />, { flagQueryKey: ['enterprise-learner'] });
    await screen.findByText('error from defaults');
  });

  it('is an error when the query named by flagQueryKey succeeded without flags', async () => {
    server.use(http.get(API, () => HttpResponse.json({ count: 0, results: [] })));
    renderWithFlags(<Status />, { flagQueryKey: ['enterprise-learner'] });
    await screen.findByText('error from defaults');
  });

  it('stays loading when only a query that carries no flags failed', async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.get(API, async () => {
        await answered;
        return HttpResponse.json(learnerPage({ 'enterprise.search': true }));
      }),
    );
    const { queryClient } = renderWithFlags(<Status />, { flagQueryKey: ['enterprise-learner'] });
    await act(() =>
      queryClient
        .fetchQuery({ queryKey: ['courses'], queryFn: () => Promise.reject(new Error('courses down')) })
        .catch(() => {}),
    );
    expect(screen.getByText('loading from defaults')).toBeTruthy();
    answer();
    await screen.findByText('ready from server');
  });

  it('stays ready when a query fails after flags are known', async () => {
    server.use(http.get(API, () => HttpResponse.json({ detail: 'down' }, { status: 500 })));
    const { queryClient } = renderWithFlags(<Status />);
    act(() => {
      queryClient.setQueryData(['other'], learnerPage({ 'enterprise.search': true }));
    });
    await act(() => queryClient.refetchQueries({ queryKey: ['enterprise-learner'] }));
    expect(screen.getByText('ready from server')).toBeTruthy();
  });

  it('is ready from the bootstrap before any response', () => {
    function Only() {
      const { status, source } = useFlagsStatus();
      return <p>{`${status} via ${source}`}</p>;
    }
    renderWithFlags(<Only />, { bootstrap: { 'enterprise.search': true } });
    expect(screen.getByText('ready via bootstrap')).toBeTruthy();
  });
});
