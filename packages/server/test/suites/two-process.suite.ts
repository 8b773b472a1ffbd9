import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { type SpawnedServer, spawnServer } from '../helpers/spawn-server.js';
import { TestClient } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

/** Time from a committed write in this process until the other process's responses show it. */
async function timeUntilSeen(
  other: TestClient,
  flag: string,
  expected: boolean,
  limitMs: number,
): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < limitMs * 2) {
    const response = await other.get('/waffle_status');
    if (response.body.enterprise_features[flag] === expected) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Two server processes on one database. Postgres: the second polls once a minute, so only
 * LISTEN/NOTIFY can bring a change across in time. SQLite: the version poll (250 ms) does.
 */
export function describeTwoProcesses(dialect: TestDialect): void {
  describe(`two server processes on one ${dialect} database`, () => {
    let app: TestApp;
    let second: SpawnedServer;

    beforeAll(async () => {
      app = await createTestApp({ dialect });
      await app.build.flag('live.flag', { everyone: false });
      second = await spawnServer({
        DATABASE_URL: app.database.url,
        WAFFLE_POLL_INTERVAL_MS: dialect === 'postgres' ? '60000' : '250',
      });
    }, 40_000);

    afterAll(async () => {
      await second?.stop();
      await app?.close();
    });

    it('shows a change written through one process in the other process’s responses within 1 second', async () => {
      const other = new TestClient(second.url);
      const before = await other.get('/waffle_status');
      expect(before.body.enterprise_features['live.flag']).toBe(false);

      await app.build.updateFlag('live.flag', { everyone: true });
      const firstChange = await timeUntilSeen(other, 'live.flag', true, 1000);
      await app.build.updateFlag('live.flag', { everyone: false });
      const secondChange = await timeUntilSeen(other, 'live.flag', false, 1000);

      if (process.env.WAFFLE_TEST_TIMINGS) console.log({ firstChange, secondChange });
      expect(firstChange).toBeLessThan(1000);
      expect(secondChange).toBeLessThan(1000);
      const after = await other.get('/waffle_status');
      expect(after.body.enterprise_features_meta.version).toBe(app.runtime.snapshot.version);
    });

    it('shows a flag set membership change in the other process’s set responses within 1 second', async () => {
      await app.build.user({ username: 'two.staff', isStaff: true });
      const admin = app.client();
      await admin.login('two.staff', TEST_PASSWORD);
      await admin.post('/api/admin/flag-sets', { name: 'two-set' });
      await admin.post('/api/admin/flags', { name: 'set.member', everyone: true, sets: ['two-set'] });
      await admin.post('/api/admin/flags', { name: 'set.joiner', everyone: true });
      const other = new TestClient(second.url);
      const inSet = async () =>
        Object.keys((await other.get('/waffle_status?set=two-set')).body.enterprise_features);

      await admin.request('PATCH', '/api/admin/flags/set.joiner', { body: { sets: ['two-set'] } });
      const start = performance.now();
      while (!(await inSet()).includes('set.joiner') && performance.now() - start < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      expect(performance.now() - start).toBeLessThan(1000);
      expect((await inSet()).sort()).toEqual(['set.joiner', 'set.member']);
    });
  });
}
