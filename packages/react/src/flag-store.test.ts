import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ACME, GLOBEX, learnerPage, meta, waffleStatus } from '../test/flag-responses.js';
import {
  createFlagStore,
  type FlagStore,
  type FlagStoreOptions,
  GLOBAL,
  SAMPLES,
  SWITCHES,
} from './flag-store.js';

function setup(options: FlagStoreOptions = {}, overrides?: Record<string, boolean>) {
  const client = new QueryClient();
  const store = createFlagStore(client.getQueryCache(), options, overrides);
  const disconnect = store.connect();
  let key = 0;
  /** Puts a response into the cache as a fresh query; `at` is its dataUpdatedAt. */
  const respond = (data: unknown, at?: number) =>
    client.setQueryData([`response-${key++}`], data, { updatedAt: at });
  return { client, store, respond, disconnect };
}

const value = (store: FlagStore, name: string, customer?: string | null) =>
  store.entry(name, customer, store.getState())?.[0];

describe('createFlagStore', () => {
  it('harvests enterprise_features from any query data and ignores data without flags', () => {
    const { store, respond } = setup();
    respond({ results: [] });
    expect(store.getState().ready).toBe(false);
    respond(learnerPage({ 'enterprise.search': true }));
    expect(value(store, 'enterprise.search')).toBe(true);
    expect(store.getState().ready).toBe(true);
  });

  it('harvests what is already in the cache when it is made', () => {
    const client = new QueryClient();
    client.setQueryData(['early'], learnerPage({ 'enterprise.search': true }));
    const store = createFlagStore(client.getQueryCache());
    expect(value(store, 'enterprise.search')).toBe(true);
  });

  it('harvests queries hydrated from a server render (added with their data)', () => {
    const server = new QueryClient();
    server.setQueryData(['learner'], learnerPage({ 'enterprise.search': true }));
    const { client, store } = setup();
    hydrate(client, dehydrate(server));
    expect(value(store, 'enterprise.search')).toBe(true);
  });

  it('keeps the newest evaluation: a later, older response does not overwrite it', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: true }, { meta: meta({ evaluated_at: 2_000, version: 5 }) }));
    respond(learnerPage({ a: false }, { meta: meta({ evaluated_at: 1_000, version: 4 }) }));
    expect(value(store, 'a')).toBe(true);
    respond(learnerPage({ a: false }, { meta: meta({ evaluated_at: 3_000, version: 6 }) }));
    expect(value(store, 'a')).toBe(false);
  });

  it('breaks a tie on evaluated_at with the snapshot version', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: true }, { meta: meta({ evaluated_at: 2_000, version: 7 }) }));
    respond(learnerPage({ a: false }, { meta: meta({ evaluated_at: 2_000, version: 6 }) }));
    expect(value(store, 'a')).toBe(true);
    respond(learnerPage({ a: false }, { meta: meta({ evaluated_at: 2_000, version: 8 }) }));
    expect(value(store, 'a')).toBe(false);
  });

  it('falls back to the query’s dataUpdatedAt without enterprise_features_meta', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: true }, { meta: null }), 2_000);
    respond(learnerPage({ a: false }, { meta: null }), 1_000);
    expect(value(store, 'a')).toBe(true);
  });

  it('keeps flags a newer response does not mention', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: true, b: true }, { meta: meta({ evaluated_at: 1_000 }) }));
    respond(learnerPage({ a: false }, { meta: meta({ evaluated_at: 2_000 }) }));
    expect([value(store, 'a'), value(store, 'b')]).toEqual([false, true]);
  });

  it('files by-customer maps and customer-evaluated responses under their customer', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: false }, { byCustomer: { [ACME]: { a: true } } }));
    respond(
      learnerPage(
        { a: true, b: true },
        { meta: meta({ enterprise_customer_uuid: GLOBEX, evaluated_at: 2_000 }) },
      ),
    );
    expect(value(store, 'a')).toBe(false);
    expect(value(store, 'a', ACME)).toBe(true);
    expect(value(store, 'b', GLOBEX)).toBe(true);
    expect(value(store, 'b')).toBeUndefined();
    expect(value(store, 'a', 'no-such-customer')).toBe(false);
  });

  it('drops the previous user’s flags when a response names another user', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: true }, { byCustomer: { [ACME]: { b: true } } }));
    respond(learnerPage({ c: true }, { meta: meta({ username: null, evaluated_at: 2_000 }) }));
    expect(value(store, 'a')).toBeUndefined();
    expect(value(store, 'b', ACME)).toBeUndefined();
    expect(value(store, 'c')).toBe(true);
  });

  it('ignores a late response for the previous user', () => {
    const { store, respond } = setup();
    respond(learnerPage({ a: true }, { meta: meta({ username: 'alice', evaluated_at: 1_000 }) }));
    respond(learnerPage({ a: false }, { meta: meta({ username: 'bob', evaluated_at: 3_000 }) }));
    respond(learnerPage({ a: true }, { meta: meta({ username: 'alice', evaluated_at: 2_000 }) }));
    expect(value(store, 'a')).toBe(false);
  });

  it('ignores other users’ responses when the host names the user', () => {
    const { store, respond } = setup({ user: 'alice' });
    respond(learnerPage({ a: false }, { meta: meta({ username: 'bob', evaluated_at: 9_000 }) }));
    expect(store.getState().ready).toBe(false);
    respond(learnerPage({ a: true }, { meta: meta({ username: 'alice', evaluated_at: 1_000 }) }));
    expect(value(store, 'a')).toBe(true);
  });

  it('made for a new user, ignores the bootstrap and older flags that name no user', () => {
    const client = new QueryClient();
    client.setQueryData(['old'], learnerPage({ a: true }, { meta: null }), { updatedAt: 1_000 });
    const store = createFlagStore(
      client.getQueryCache(),
      { user: 'bob', bootstrap: { a: true } },
      undefined,
      2_000,
    );
    expect(value(store, 'a')).toBeUndefined();
    store.connect();
    client.setQueryData(['new'], learnerPage({ a: false }, { meta: null }), { updatedAt: 3_000 });
    expect(value(store, 'a')).toBe(false);
  });

  it('reads switches, samples and flags from a /waffle_status body', () => {
    const { store, respond } = setup();
    respond(waffleStatus({ f: true }, { s: true, t: false }, { m: true }));
    const { scopes } = store.getState();
    expect(value(store, 'f')).toBe(true);
    expect(Object.keys(scopes).sort()).toEqual([GLOBAL, SAMPLES, SWITCHES].sort());
    expect(scopes[SWITCHES]).toEqual({ s: [true, expect.any(Number), 0], t: [false, expect.any(Number), 0] });
  });

  it("reads an embedded response's switches from waffle_switches, never from the host's own switches field", () => {
    const { store, respond } = setup();
    respond({
      ...learnerPage({ a: true }),
      switches: { hostThing: true },
      waffle_switches: { banner: true },
    });
    expect(Object.keys(store.getState().scopes[SWITCHES] ?? {})).toEqual(['banner']);
  });

  it('uses a host extractor for other response shapes', () => {
    const extract = (data: unknown) => {
      const flags = (data as { payload?: { flags?: Record<string, boolean> } }).payload?.flags;
      return flags && { enterprise_features: flags };
    };
    const { store, respond } = setup({ extract });
    respond(learnerPage({ a: true }));
    expect(value(store, 'a')).toBeUndefined();
    respond({ payload: { flags: { a: true } } });
    expect(value(store, 'a')).toBe(true);
  });

  it('puts overrides above every response and bootstrap values below them', () => {
    const { store, respond } = setup({ bootstrap: { a: true, b: true } }, { a: false });
    expect([value(store, 'a'), value(store, 'b')]).toEqual([false, true]);
    respond(learnerPage({ a: true, b: false }, { meta: meta({ evaluated_at: 0, version: 0 }) }));
    expect([value(store, 'a'), value(store, 'b')]).toEqual([false, false]);
  });

  it('notifies subscribers when a response brings flags', () => {
    const { store, respond } = setup();
    let notified = 0;
    store.subscribe(() => notified++);
    respond({ results: [] });
    expect(notified).toBe(0);
    respond(learnerPage({ a: true }));
    expect(notified).toBe(1);
  });

  it('stops following the cache when disconnected', () => {
    const { store, respond, disconnect } = setup();
    disconnect();
    respond(learnerPage({ a: true }));
    expect(value(store, 'a')).toBeUndefined();
  });

  it('calls onExposure once per (user, flag, value)', () => {
    const exposures: string[] = [];
    const { store } = setup({ onExposure: (name, on) => exposures.push(`${name}=${on}`) });
    store.expose('a', true);
    store.expose('a', true);
    store.expose('a', false);
    store.expose('b', true);
    expect(exposures).toEqual(['a=true', 'a=false', 'b=true']);
  });
});
