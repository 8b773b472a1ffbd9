import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SampleModel, SwitchModel } from '../src/db/models/index.js';
import type { RequestUser } from '../src/features/auth/request-user.js';
import { silentLogger } from '../src/logger.js';
import { createWaffle, type Waffle } from '../src/waffle.js';
import { builders } from './helpers/builders.js';
import type { Json } from './helpers/test-client.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

describe('createWaffle in a host Express app (SQLite file)', () => {
  let database: TestDatabase;
  let waffle: Waffle;
  let server: Server;
  let url: string;
  let lina: RequestUser;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // The host app has its own auth: here, a header names the user.
    waffle = await createWaffle({
      databaseUrl: database.url,
      logger: silentLogger,
      getUser: (req) => (req.get('x-user') === 'lina' ? lina : null),
    });
    const build = builders(waffle.runtime.inTransaction);
    const acme = await build.enterprise('acme');
    const user = await build.user({ username: 'lina', linkedTo: [acme.uuid] });
    lina = {
      id: user.id,
      username: 'lina',
      isStaff: false,
      isSuperuser: false,
      language: null,
      groups: [],
      linkedEnterpriseCustomerUuids: [acme.uuid],
    };
    await build.flag('enterprise.dashboard_v2', { percent: 0, enterprise: { [acme.uuid]: 100 } });
    await build.flag('everyone.rollout', { percent: 100 });
    await waffle.runtime.inTransaction(async ({ transaction }) => {
      await SwitchModel.create({ name: 'emails', active: true }, { transaction });
      await SampleModel.create({ name: 'always', percentTenths: 1000 }, { transaction });
    });

    const app = express();
    app.use(waffle.middleware);
    app.get('/api/courses', (req, res) => {
      const uuid = String(req.query.enterprise_customer_uuid ?? '') || null;
      res.json({
        dashboard_v2: waffle.isEnabled('enterprise.dashboard_v2', req, { enterpriseCustomerUuid: uuid }),
        why: waffle.explain('enterprise.dashboard_v2', req, { enterpriseCustomerUuid: uuid }).description,
      });
    });
    app.get('/api/first-visit', (req, res) => {
      res.json({ rollout: waffle.isEnabled('everyone.rollout', req) });
    });
    app.get('/api/acme-courses', (req, res) => {
      waffle.send(
        req,
        res,
        { courses: [] },
        { enterpriseCustomerUuid: lina.linkedEnterpriseCustomerUuids[0] },
      );
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.close();
    await waffle?.close();
    await database?.drop();
  });

  it('answers isEnabled for an enterprise customer, as the ADR’s is_enabled(enterprise_customer_uuid=...)', async () => {
    const acme = lina.linkedEnterpriseCustomerUuids[0]!;

    const inAcme: Json = await (
      await fetch(`${url}/api/courses?enterprise_customer_uuid=${acme}`, { headers: { 'x-user': 'lina' } })
    ).json();
    const global: Json = await (await fetch(`${url}/api/courses`, { headers: { 'x-user': 'lina' } })).json();

    expect(inAcme.dashboard_v2).toBe(true);
    expect(inAcme.why).toMatch(/^on: enterprise percentage 100% for .*, bucket \d+ < 1000$/);
    expect(global.dashboard_v2).toBe(false);
    expect(global.why).toBe('off: no rule turned it on');
  });

  it('embeds enterprise_features into the host’s JSON responses through its middleware', async () => {
    const response = await fetch(`${url}/api/courses`);
    const body: Json = await response.json();

    expect(body.enterprise_features).toEqual({ 'enterprise.dashboard_v2': false, 'everyone.rollout': true });
    expect(body.enterprise_features_meta.username).toBeNull();
    expect(response.headers.getSetCookie().some((line) => line.startsWith('waffle_anonymous_id='))).toBe(
      true,
    );
  });

  it('gives a first-time anonymous visitor one id: isEnabled and the embedded flags agree', async () => {
    const response = await fetch(`${url}/api/first-visit`);
    const body: Json = await response.json();

    expect(body.rollout).toBe(true);
    expect(body.enterprise_features['everyone.rollout']).toBe(true);
    const ids = response.headers.getSetCookie().filter((line) => line.startsWith('waffle_anonymous_id='));
    expect(ids).toHaveLength(1);
  });

  it('embeds the flags of the customer a route names through send', async () => {
    const acme = lina.linkedEnterpriseCustomerUuids[0]!;

    const body: Json = await (
      await fetch(`${url}/api/acme-courses`, { headers: { 'x-user': 'lina' } })
    ).json();

    expect(body.courses).toEqual([]);
    expect(body.enterprise_features['enterprise.dashboard_v2']).toBe(true);
    expect(body.enterprise_features_meta).toMatchObject({ username: 'lina', enterprise_customer_uuid: acme });
  });

  it('answers switches and samples from the snapshot, and the default for unknown names', () => {
    expect(waffle.switchIsActive('emails')).toBe(true);
    expect(waffle.switchIsActive('nope')).toBe(false);
    expect(waffle.sampleIsActive('always')).toBe(true);
    expect(waffle.sampleIsActive('nope')).toBe(false);
  });

  it('sees its own writes at once', async () => {
    await waffle.runtime.inTransaction(({ transaction }) =>
      SwitchModel.update({ active: false }, { where: { name: 'emails' }, transaction }),
    );

    expect(waffle.switchIsActive('emails')).toBe(false);
  });
});
