import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineFlag } from '@waffle-kit/core';
import cookieParser from 'cookie-parser';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../../test/helpers/test-client.js';
import { setRequestUser } from '../features/auth/request-user.js';
import type { Logger } from '../logger.js';
import { SnapshotCache } from '../snapshot/snapshot-cache.js';
import { EMPTY_SNAPSHOT } from '../snapshot/versioned-snapshot.js';
import { createEmbedding } from './embedding.js';

const ACME = 'acme-uuid';

function snapshotWith(): SnapshotCache {
  const snapshot = new SnapshotCache();
  snapshot.replace({
    ...EMPTY_SNAPSHOT,
    version: 7,
    snapshot: {
      flags: [
        defineFlag({ name: 'always.on', everyone: true }),
        defineFlag({ name: 'acme.only', percent: 0, enterprisePercentages: { [ACME]: 100 } }),
        defineFlag({ name: 'tested', testing: true }),
      ],
    },
  });
  return snapshot;
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function host(snapshot: SnapshotCache, logger: Logger, linked = true, enabled = true): Promise<string> {
  const embedding = createEmbedding({ snapshot, logger, enabled });
  const app = express();
  app.use(cookieParser());
  app.use((req, _res, next) => {
    setRequestUser(req, {
      id: 1,
      username: 'lina',
      isStaff: false,
      isSuperuser: false,
      language: null,
      groups: [],
      linkedEnterpriseCustomerUuids: linked ? [ACME] : [],
    });
    next();
  });
  app.use(embedding.middleware);
  app.get('/object', (req, res) => {
    embedding.send(req, res, { hello: 'world' }, { enterpriseCustomerUuid: ACME, byCustomer: [ACME] });
  });
  app.get('/global', (_req, res) => res.json({ hello: 'world' }));
  app.get('/made-of-flags', (req, res) => {
    embedding.send(req, res, (flags) => ({ count: Object.keys(flags?.enterprise_features ?? {}).length }));
  });
  app.get('/array', (_req, res) => res.json([1, 2]));
  app.get('/error', (_req, res) => res.status(404).json({ error: { code: 'not_found' } }));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function spyLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info() {}, warn() {}, error: (message) => errors.push(message) };
}

describe('createEmbedding', () => {
  it('adds enterprise_features, the meta and the per-customer flags to a JSON object response', async () => {
    const url = await host(snapshotWith(), spyLogger());

    const body: Json = await (await fetch(`${url}/object`)).json();

    expect(body.hello).toBe('world');
    expect(body.enterprise_features).toEqual({ 'always.on': true, 'acme.only': true, tested: false });
    expect(body.enterprise_features_by_customer).toEqual({ [ACME]: body.enterprise_features });
    expect(body.enterprise_features_meta).toEqual({
      version: 7,
      evaluated_at: expect.any(Number),
      username: 'lina',
      enterprise_customer_uuid: ACME,
    });
  });

  it('adds the global flags once to a plain res.json through the middleware', async () => {
    const url = await host(snapshotWith(), spyLogger());

    const body: Json = await (await fetch(`${url}/global`)).json();

    expect(body.hello).toBe('world');
    expect(body.enterprise_features).toEqual({ 'always.on': true, 'acme.only': false, tested: false });
    expect(body.enterprise_features_by_customer).toBeUndefined();
    expect(body.enterprise_features_meta.enterprise_customer_uuid).toBeNull();
  });

  it('lets a route build its body from the flags, and sends them alongside', async () => {
    const url = await host(snapshotWith(), spyLogger());

    const body: Json = await (await fetch(`${url}/made-of-flags`)).json();

    expect(body.count).toBe(3);
    expect(Object.keys(body.enterprise_features)).toHaveLength(3);
  });

  it('sends the host body alone when embedding is off', async () => {
    const url = await host(snapshotWith(), spyLogger(), true, false);

    expect(await (await fetch(`${url}/object`)).json()).toEqual({ hello: 'world' });
    expect(await (await fetch(`${url}/global`)).json()).toEqual({ hello: 'world' });
  });

  it('evaluates a user who is not linked to the customer as if no customer were named', async () => {
    const url = await host(snapshotWith(), spyLogger(), false);

    const body: Json = await (await fetch(`${url}/object`)).json();

    expect(body.enterprise_features['acme.only']).toBe(false);
  });

  it('leaves arrays and error responses as they are', async () => {
    const url = await host(snapshotWith(), spyLogger());

    expect(await (await fetch(`${url}/array`)).json()).toEqual([1, 2]);
    expect(await (await fetch(`${url}/error`)).json()).toEqual({ error: { code: 'not_found' } });
  });

  it('remembers a testing-mode query value in a dwft_ cookie', async () => {
    const url = await host(snapshotWith(), spyLogger());

    const response = await fetch(`${url}/object?dwft_tested=1`);
    const body: Json = await response.json();

    expect(body.enterprise_features.tested).toBe(true);
    expect(response.headers.getSetCookie().some((line) => line.startsWith('dwft_tested=True'))).toBe(true);
  });

  it('logs a failure and still sends the host response when evaluation throws', async () => {
    const broken = snapshotWith();
    Object.defineProperty(broken, 'compiled', {
      get() {
        throw new Error('snapshot exploded');
      },
    });
    const logger = spyLogger();
    const url = await host(broken, logger);

    const response = await fetch(`${url}/object`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: 'world' });
    expect(logger.errors).toEqual(['embedding flags failed; the response goes out without them']);
  });
});
