import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { FlagProvider } from '@waffle-kit/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { App } from './app.js';

const server = setupServer(
  http.get('*/enterprise/api/v1/enterprise-learner/', () =>
    HttpResponse.json({ results: [], enterprise_features: { 'enterprise.dashboard_v2': true } }),
  ),
);
beforeAll(() => server.listen());
afterAll(() => server.close());

it('shows the new dashboard when the response turns its flag on', async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <FlagProvider>
        <App />
      </FlagProvider>
    </QueryClientProvider>,
  );
  expect(await screen.findByRole('heading', { name: 'New dashboard' })).toBeTruthy();
});
