// The demo's enterprise customers, declared once: the server seeds them (`WAFFLE_SEED=demo`) and
// the MSW fixtures mock the same ones, so a mocked portal and the real demo name the same uuids.

/** The demo's three enterprise customers, keyed by slug. */
export const DEMO_CUSTOMERS = {
  acme: { uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01', slug: 'acme', name: 'Acme Learning' },
  bluebird: { uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000b02', slug: 'bluebird', name: 'Bluebird University' },
  cedar: { uuid: '6d2f4a9e-1c3b-4e5f-8a7b-000000000c03', slug: 'cedar', name: 'Cedar Health' },
} as const;
