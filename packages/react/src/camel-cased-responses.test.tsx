import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { FlagProvider, useFlag, useFlagsStatus } from '@waffle-kit/react';
import camelCase from 'lodash.camelcase';
import { expect, it } from 'vitest';
import { camelCaseKeepingFlags } from '../examples/camel-cased-responses.js';

/**
 * What `camelCaseObject` of `@edx/frontend-platform/utils` does (not installed here: it needs
 * React 18 and Redux): lodash's `camelCase`, its own dependency, on every key at every depth.
 */
function camelCaseObject(value: unknown): never {
  if (Array.isArray(value)) return value.map(camelCaseObject) as never;
  if (!value || typeof value !== 'object') return value as never;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [camelCase(key), camelCaseObject(inner)]),
  ) as never;
}

const ACME = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
/** The enterprise-learner endpoint's answer: the flag is off globally, on for Acme. */
const response = {
  results: [{ enterprise_customer: { uuid: ACME, slug: 'acme' } }],
  enterprise_features: { 'enterprise.dashboard_v2': false },
  enterprise_features_by_customer: { [ACME]: { 'enterprise.dashboard_v2': true } },
  enterprise_features_meta: { version: 3, evaluated_at: 1, username: 'lina', enterprise_customer_uuid: null },
  waffle_switches: {},
};

function Dashboard() {
  const dashboard = useFlag('enterprise.dashboard_v2') ? 'new' : 'classic';
  return <p>{`${dashboard} dashboard, flags ${useFlagsStatus().status}`}</p>;
}

/** The app's learner query holds `data`, as the service returned it; Acme is the active customer. */
function renderWith(data: unknown) {
  const client = new QueryClient();
  client.setQueryData(['enterprise-learner'], data);
  render(
    <QueryClientProvider client={client}>
      <FlagProvider enterpriseCustomerUuid={ACME} user="lina">
        <Dashboard />
      </FlagProvider>
    </QueryClientProvider>,
  );
}

it('reads the customer’s flags from a camelCased response that kept waffle-kit’s fields', async () => {
  const data = camelCaseKeepingFlags(response, camelCaseObject);
  expect(data.results).toEqual([{ enterpriseCustomer: { uuid: ACME, slug: 'acme' } }]);
  renderWith(data);
  expect(await screen.findByText('new dashboard, flags ready')).toBeTruthy();
});

it('finds no flags when camelCaseObject runs over the whole response', async () => {
  const mangled = camelCaseObject(response) as Record<string, Record<string, unknown>>;
  expect(Object.keys(mangled.enterpriseFeaturesByCustomer!)).not.toContain(ACME);
  renderWith(mangled);
  // The cache is already filled: a response the SDK could read would show `ready` on first render.
  expect(await screen.findByText('classic dashboard, flags loading')).toBeTruthy();
});
