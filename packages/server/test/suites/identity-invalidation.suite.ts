import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseCustomer } from '../../src/db/models/index.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { type SpawnedServer, spawnServer } from '../helpers/spawn-server.js';
import { TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const BETA_FLAG = 'beta.only';
const ACME_FLAG = 'acme.only';

/**
 * The identity cache (users with groups and links, per process) against writes made in another
 * process. The second process polls the snapshot version once a minute, so neither its poll nor
 * (on SQLite) anything else could bring the change in time: the next request after each write is
 * checked once, with no wait, in both processes.
 */
export function describeIdentityInvalidation(dialect: TestDialect): void {
  describe(`identity cache invalidation across two server processes on ${dialect}`, () => {
    let app: TestApp;
    let second: SpawnedServer;
    let admin: TestClient;
    let acme: EnterpriseCustomer;

    /** A session made by logging in through the first process, used as is against both. */
    const signIn = async (username: string) => {
      const browser = app.client();
      const token = await browser.login(username, TEST_PASSWORD);
      const on = (url: string) => {
        const client = new TestClient(url);
        client.cookies.set('waffle_session', token);
        return client;
      };
      const clients = { first: on(app.url), second: on(second.url), browser };
      // Warm both caches: the user is now held in memory by each process.
      for (const client of [clients.first, clients.second]) {
        expect((await client.get('/api/auth/me')).status).toBe(200);
      }
      return clients;
    };
    const meStatuses = async (clients: { first: TestClient; second: TestClient }) => ({
      first: (await clients.first.get('/api/auth/me')).status,
      second: (await clients.second.get('/api/auth/me')).status,
    });

    beforeAll(async () => {
      app = await createTestApp({ dialect, pollIntervalMs: 60_000 });
      acme = await app.build.enterprise('acme');
      for (const username of ['ivy', 'jon', 'ken', 'lou']) {
        await app.build.user({ username, groups: ['beta'], linkedTo: [acme.uuid] });
      }
      await app.build.flag(BETA_FLAG, { groups: ['beta'] });
      await app.build.flag(ACME_FLAG, { percent: 0, enterprise: { [acme.uuid]: 100 } });
      await app.build.user({ username: 'root', isStaff: true, isSuperuser: true });
      second = await spawnServer({
        DATABASE_URL: app.database.url,
        WAFFLE_SECRET: 'test-secret',
        WAFFLE_POLL_INTERVAL_MS: '60000',
      });
      admin = app.client();
      await admin.login('root', TEST_PASSWORD);
    }, 60_000);

    afterAll(async () => {
      await second?.stop();
      await app?.close();
    });

    it('answers 401 in both processes on the next request after a logout in one', async () => {
      const ivy = await signIn('ivy');
      expect((await ivy.browser.post('/api/auth/logout')).status).toBe(204);
      const after = await meStatuses(ivy);
      console.log(
        `[identity] ${dialect}: logout via process 1 -> me ${after.first} in 1, ${after.second} in 2`,
      );
      expect(after).toEqual({ first: 401, second: 401 });
    });

    it('answers 401 in both processes on the next request after the user is deactivated', async () => {
      const jon = await signIn('jon');
      expect(
        (await admin.request('PATCH', '/api/admin/users/jon', { body: { is_active: false } })).status,
      ).toBe(200);
      const after = await meStatuses(jon);
      console.log(`[identity] ${dialect}: deactivation -> me ${after.first} in 1, ${after.second} in 2`);
      expect(after).toEqual({ first: 401, second: 401 });
    });

    it('ends every session of a user whose password is changed, in both processes', async () => {
      const ken = await signIn('ken');
      expect(
        (await admin.request('PATCH', '/api/admin/users/ken', { body: { password: 'a new password' } }))
          .status,
      ).toBe(200);
      const after = await meStatuses(ken);
      console.log(`[identity] ${dialect}: password change -> me ${after.first} in 1, ${after.second} in 2`);
      expect(after).toEqual({ first: 401, second: 401 });
    });

    it('evaluates flags with the new groups and enterprise links on the next request in both processes', async () => {
      const lou = await signIn('lou');
      const status = (client: TestClient) =>
        client.get(`/waffle_status?enterprise_customer_uuid=${acme.uuid}`);
      for (const client of [lou.first, lou.second]) {
        const before = await status(client);
        expect(before.status).toBe(200);
        expect(before.body.enterprise_features).toMatchObject({ [BETA_FLAG]: true, [ACME_FLAG]: true });
      }

      expect((await admin.request('PATCH', '/api/admin/users/lou', { body: { groups: [] } })).status).toBe(
        200,
      );
      for (const client of [lou.first, lou.second]) {
        const me = await client.get('/api/auth/me');
        expect(me.body.user.groups).toEqual([]);
        expect((await status(client)).body.enterprise_features[BETA_FLAG]).toBe(false);
      }

      const unlink = await admin.request(
        'DELETE',
        `/api/admin/enterprise-customers/${acme.uuid}/learners/lou`,
      );
      expect(unlink.status).toBe(204);
      const afterUnlink = { first: await status(lou.first), second: await status(lou.second) };
      console.log(
        `[identity] ${dialect}: groups [] and acme unlinked -> waffle_status ${afterUnlink.first.status} in 1, ${afterUnlink.second.status} in 2`,
      );
      // No longer a member: the customer's flags are not hers to see.
      expect([afterUnlink.first.status, afterUnlink.second.status]).toEqual([403, 403]);
    });
  });
}
