import { useQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ACME, API, BFF, dashboard, GLOBEX, learnerPage, meta } from '../test/flag-responses.js';
import { setupMswServer } from '../test/msw-server.js';
import { getJson, makeQueryClient, renderWithFlags } from '../test/render.js';
import { useFlag } from './index.js';

const { server, requests } = setupMswServer();

/** The app's own query: the learner's enterprises, which happen to carry flags. */
function useLearner() {
  return useQuery({ queryKey: ['enterprise-learner'], queryFn: () => getJson(API) });
}

/** Fetches the learner page and shows two flags. */
function SearchAndBeta() {
  useLearner();
  return (
    <p>
      search: {String(useFlag('enterprise.search'))}, beta: {String(useFlag('enterprise.beta'))}
    </p>
  );
}

describe('FlagProvider', () => {
  it('makes no request of its own: the only request is the app’s', async () => {
    server.use(http.get(API, () => HttpResponse.json(learnerPage({ 'enterprise.dashboard_v2': true }))));
    function App() {
      useLearner();
      return <p>dashboard v2: {String(useFlag('enterprise.dashboard_v2'))}</p>;
    }
    renderWithFlags(<App />);
    await screen.findByText('dashboard v2: true');
    expect(requests).toEqual([`GET ${API}`]);
  });

  it('shows the server value in the first render that has the data (no render with the default)', async () => {
    server.use(http.get(API, () => HttpResponse.json(learnerPage({ 'enterprise.dashboard_v2': true }))));
    const renders: string[] = [];
    function App() {
      const { data } = useLearner();
      const on = useFlag('enterprise.dashboard_v2');
      renders.push(`${data ? 'data' : 'no data'}, flag ${on}`);
      return <p>{data ? `flag ${on}` : 'loading'}</p>;
    }
    renderWithFlags(<App />, { defaults: { 'enterprise.dashboard_v2': false } });
    await screen.findByText('flag true');
    expect(renders).toContain('data, flag true');
    expect(renders).not.toContain('data, flag false');
  });

  it('shows server values in its very first render when the data is already in the cache', () => {
    const queryClient = makeQueryClient();
    queryClient.setQueryData(['prefetched'], learnerPage({ 'enterprise.dashboard_v2': true }));
    const renders: boolean[] = [];
    function Reader() {
      const on = useFlag('enterprise.dashboard_v2');
      renders.push(on);
      return <p>flag {String(on)}</p>;
    }
    renderWithFlags(<Reader />, {}, queryClient);
    expect(renders).toEqual([true]);
  });

  it('keeps the newer values when an older response arrives later', async () => {
    // Two queries race: the newer evaluation answers first, the older one answers last.
    let releaseOld = () => {};
    const oldAnswered = new Promise<void>((resolve) => {
      releaseOld = resolve;
    });
    server.use(
      http.get(`${API}`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '2') {
          await oldAnswered;
          return HttpResponse.json(
            learnerPage({ 'enterprise.search': false }, { meta: meta({ evaluated_at: 1_000, version: 3 }) }),
          );
        }
        return HttpResponse.json(
          learnerPage({ 'enterprise.search': true }, { meta: meta({ evaluated_at: 2_000, version: 4 }) }),
        );
      }),
    );
    function App() {
      const older = useQuery({ queryKey: ['page', 2], queryFn: () => getJson(`${API}?page=2`) });
      const newer = useLearner();
      return <p>{`newer ${newer.status}, older ${older.status}, search: ${useFlag('enterprise.search')}`}</p>;
    }
    renderWithFlags(<App />);
    await screen.findByText('newer success, older pending, search: true');
    releaseOld();
    await screen.findByText(/older success/);
    expect(screen.getByText('newer success, older success, search: true')).toBeTruthy();
    expect(requests).toEqual([`GET ${API}?page=2`, `GET ${API}`]);
  });

  it('prefers the active enterprise customer’s values and switches with it', async () => {
    server.use(
      http.get(API, () =>
        HttpResponse.json(
          learnerPage(
            { 'enterprise.search': false },
            { byCustomer: { [ACME]: { 'enterprise.search': true } } },
          ),
        ),
      ),
      http.post(BFF, () =>
        HttpResponse.json(dashboard(GLOBEX, { 'enterprise.search': true, 'enterprise.beta': true })),
      ),
    );
    const { rerenderWith, queryClient } = renderWithFlags(<SearchAndBeta />, {
      enterpriseCustomerUuid: ACME,
    });
    await screen.findByText('search: true, beta: false');
    // Globex has no by-customer entry yet: the global values apply until its BFF response arrives.
    rerenderWith({ enterpriseCustomerUuid: GLOBEX });
    expect(screen.getByText('search: false, beta: false')).toBeTruthy();
    await act(() =>
      queryClient.fetchQuery({
        queryKey: ['dashboard', GLOBEX],
        queryFn: () =>
          getJson(BFF, { method: 'POST', body: JSON.stringify({ enterprise_customer_slug: 'globex' }) }),
      }),
    );
    expect(screen.getByText('search: true, beta: true')).toBeTruthy();
    rerenderWith({ enterpriseCustomerUuid: null });
    expect(screen.getByText('search: false, beta: false')).toBeTruthy();
  });

  it('drops the previous user’s flags when a response names another user (logout)', async () => {
    let username: string | null = 'alice';
    server.use(
      http.get(API, () =>
        HttpResponse.json(
          username
            ? learnerPage(
                { 'enterprise.search': true },
                { byCustomer: { [ACME]: { 'enterprise.beta': true } } },
              )
            : learnerPage({}, { meta: meta({ username: null, evaluated_at: 5_000, version: 2 }) }),
        ),
      ),
    );
    const { queryClient } = renderWithFlags(<SearchAndBeta />, { enterpriseCustomerUuid: ACME });
    await screen.findByText('search: true, beta: true');
    username = null;
    await act(() => queryClient.refetchQueries({ queryKey: ['enterprise-learner'] }));
    expect(screen.getByText('search: false, beta: false')).toBeTruthy();
  });

  it('drops the previous user’s flags when the user prop changes, and takes the new user’s', async () => {
    function App() {
      return <p>search: {String(useFlag('enterprise.search'))}</p>;
    }
    const { queryClient, rerenderWith } = renderWithFlags(<App />, { user: 'alice' });
    act(() => {
      queryClient.setQueryData(['alice'], learnerPage({ 'enterprise.search': true }));
      // Bob's response is ignored while the host says the user is alice.
      queryClient.setQueryData(
        ['bob'],
        learnerPage({ 'enterprise.search': false }, { meta: meta({ username: 'bob' }) }),
      );
    });
    expect(screen.getByText('search: true')).toBeTruthy();
    rerenderWith({ user: 'bob' });
    expect(screen.getByText('search: false')).toBeTruthy();
    rerenderWith({ user: 'carol' });
    expect(screen.getByText('search: false')).toBeTruthy();
    act(() => {
      queryClient.setQueryData(
        ['carol'],
        learnerPage({ 'enterprise.search': true }, { meta: meta({ username: 'carol' }) }),
      );
    });
    expect(screen.getByText('search: true')).toBeTruthy();
  });
});
