import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/sequelize.js';
import { type LoginAdmission, LoginRateLimiter } from '../../src/features/auth/login-rate-limit.js';
import { addresses, fromAddress, statusCounts } from '../helpers/access.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { type SpawnedServer, spawnServer } from '../helpers/spawn-server.js';
import { TestClient, type TestResponse } from '../helpers/test-client.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../helpers/test-database.js';

const LOGIN = '/api/auth/login';
const WINDOW_MS = 1000;

const outcome = (admission: LoginAdmission) =>
  admission.admitted ? 'admitted' : `refused ${admission.retryAfterMs} ms`;

async function failureRows(sequelize: Sequelize): Promise<number> {
  const [row] = await sequelize.query<{ rows: number | string }>(
    'SELECT COUNT(*) AS rows FROM waffle_login_failures',
    { type: QueryTypes.SELECT },
  );
  return Number(row!.rows);
}

/**
 * Login limits counted in the database: the limiter itself over a migrated database with a
 * clock the test moves, then two real server processes on one database.
 */
export function describeLoginLimits(dialect: TestDialect): void {
  describe(`login limits counted in a ${dialect} database`, () => {
    let database: TestDatabase;
    let sequelize: Sequelize;
    let now = 0;
    const limiter = (limits: { perUser?: number; perAddress?: number; perAccount?: number }) =>
      new LoginRateLimiter(
        sequelize,
        { perUser: 100, perAddress: 100, perAccount: 100, windowMs: WINDOW_MS, ...limits },
        () => now,
      );

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      sequelize = openDatabase(database.url);
      await migrate(sequelize);
    });

    afterAll(async () => {
      await sequelize?.close();
      await database?.drop();
    });

    it('refuses a counter past its limit until one window after the failure that started it, not counting refused attempts', async () => {
      const limits = limiter({ perUser: 3 });
      now = 10_000;
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) seen.push(outcome(await limits.admit('10.0.0.1', 'lina')));
      for (const at of [10_500, 10_600, 10_700, 10_999]) {
        now = at;
        seen.push(outcome(await limits.admit('10.0.0.1', 'lina')));
      }
      seen.push(outcome(await limits.admit('10.0.0.2', 'lina')));
      now = 11_000;
      seen.push(outcome(await limits.admit('10.0.0.1', 'lina')));

      expect(seen).toEqual([
        'admitted',
        'admitted',
        'admitted',
        'refused 500 ms',
        'refused 400 ms',
        'refused 300 ms',
        'refused 1 ms',
        'admitted',
        'admitted',
      ]);
    });

    it('forgets the address-and-username failures on a right password and takes back only its own other ones', async () => {
      const limits = limiter({ perUser: 2, perAccount: 3 });
      now = 20_000;
      const seen: string[] = [];
      seen.push(outcome(await limits.admit('10.0.1.1', 'mia')));
      const right = await limits.admit('10.0.1.1', 'mia');
      if (right.admitted) await limits.succeeded(right.attempt);
      seen.push(outcome(right));
      // The per-user counter starts again at 0; the account keeps the first failure.
      seen.push(outcome(await limits.admit('10.0.1.1', 'mia')));
      seen.push(outcome(await limits.admit('10.0.1.1', 'mia')));
      seen.push(outcome(await limits.admit('10.0.1.2', 'mia')));

      expect(seen).toEqual(['admitted', 'admitted', 'admitted', 'admitted', 'refused 1000 ms']);
    });

    it('keeps the failure table to about one window of rows, however many keys come and go', async () => {
      const limits = limiter({});
      const windows = 5;
      const perWindow = 40;
      const sizes: number[] = [];
      for (let w = 0; w < windows; w++) {
        for (let i = 0; i < perWindow; i++) {
          now = 100_000 + w * WINDOW_MS + i;
          const [address] = addresses(1, w * perWindow + i);
          expect((await limits.admit(address!, `spray-${w}-${i}`)).admitted).toBe(true);
        }
        sizes.push(await failureRows(sequelize));
      }
      now = 100_000 + (windows + 1) * WINDOW_MS;
      await limits.admit('10.0.2.1', 'last');
      const after = await failureRows(sequelize);
      console.log(
        `[access] login failure table (${dialect}): ${windows * perWindow} failed attempts with fresh keys over ${windows} windows of ${WINDOW_MS} ms (moved clock) -> rows after each window ${sizes.join('/')}; after the last window passed, one more attempt -> ${after} rows`,
      );

      expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * perWindow * 3);
      expect(after).toBe(3);
    });
  });

  describe(`login limits shared by two server processes on one ${dialect} database`, () => {
    let app: TestApp;
    let second: SpawnedServer;
    const spawnSecond = () => spawnServer({ DATABASE_URL: app.database.url, WAFFLE_TRUST_PROXY: 'loopback' });
    const guess = (url: string, username: string, address: string, password = 'wrong guess') =>
      new TestClient(url).post(LOGIN, { username, password }, fromAddress(address));
    const burst = (url: string, username: string, from: string[]) =>
      Promise.all(from.map((address) => guess(url, username, address)));

    beforeAll(async () => {
      app = await createTestApp({ dialect, config: { trustProxy: ['loopback'] } });
      for (const username of ['nora', 'olga', 'pete']) await app.build.user({ username });
      await app.build.user({ username: 'ada', isStaff: true });
      second = await spawnSecond();
    }, 40_000);

    afterAll(async () => {
      await second?.stop();
      await app?.close();
    });

    it('adds up failures made on either process, and a restarted process still refuses', async () => {
      const onFirst = await burst(app.url, 'nora', addresses(10, 0));
      const onSecond = await burst(second.url, 'nora', addresses(10, 10));
      const [a21, b21] = addresses(2, 20);
      const rightOnFirst = await guess(app.url, 'nora', a21!, TEST_PASSWORD);
      const wrongOnSecond = await guess(second.url, 'nora', b21!);
      await second.stop();
      second = await spawnSecond();
      const [fresh, other] = addresses(2, 30);
      const afterRestart = await guess(second.url, 'nora', fresh!, TEST_PASSWORD);
      const otherUser = await guess(second.url, 'pete', other!, TEST_PASSWORD);
      console.log(
        `[access] shared login limits (${dialect}): per-account limit 20; 10 guesses on process A -> ${JSON.stringify(statusCounts(onFirst))}, 10 on process B -> ${JSON.stringify(statusCounts(onSecond))}; 21st: right password on A -> ${rightOnFirst.status}, wrong on B -> ${wrongOnSecond.status}; B restarted: right password -> ${afterRestart.status} (Retry-After ${afterRestart.headers.get('retry-after')}s), another account -> ${otherUser.status}`,
      );

      expect(statusCounts(onFirst)).toEqual({ 401: 10 });
      expect(statusCounts(onSecond)).toEqual({ 401: 10 });
      expect(rightOnFirst.status).toBe(429);
      expect(rightOnFirst.body.error.code).toBe('rate_limited');
      expect(wrongOnSecond.status).toBe(429);
      expect(afterRestart.status).toBe(429);
      expect(afterRestart.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(Number(afterRestart.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(afterRestart.setCookies.has('waffle_session')).toBe(false);
      expect(otherUser.status).toBe(200);
    }, 40_000);

    it('lets guesses racing on both processes at once past the per-account limit no more than 20 times together', async () => {
      const racing: TestResponse[] = (
        await Promise.all([
          burst(app.url, 'olga', addresses(15, 40)),
          burst(second.url, 'olga', addresses(15, 55)),
        ])
      ).flat();
      const counts = statusCounts(racing);
      console.log(
        `[access] shared login limits (${dialect}): 30 concurrent guesses at one account, 15 on each process -> ${JSON.stringify(counts)} (at most 20 may be 401)`,
      );

      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(30);
      expect(counts[401]).toBeLessThanOrEqual(20);
      expect(counts[401]).toBeGreaterThan(0);
    });

    it('counts failed logins racing with admin writes and signed-in reads in the same process, without a 5xx', async () => {
      const admin = app.client();
      await admin.login('ada', TEST_PASSWORD);
      const [writes, logins, reads] = await Promise.all([
        Promise.all(
          Array.from({ length: 20 }, (_, i) => admin.post('/api/admin/flags', { name: `race.flag_${i}` })),
        ),
        Promise.all(addresses(40, 100).map((address, i) => guess(app.url, `ghost-${i}`, address))),
        Promise.all(Array.from({ length: 40 }, () => admin.get('/api/auth/me'))),
      ]);
      console.log(
        `[concurrency] login limits (${dialect}): 20 admin writes -> ${JSON.stringify(statusCounts(writes))}, 40 failed logins -> ${JSON.stringify(statusCounts(logins))}, 40 signed-in reads -> ${JSON.stringify(statusCounts(reads))}, all at once in one process`,
      );

      expect(statusCounts(writes)).toEqual({ 201: 20 });
      expect(statusCounts(logins)).toEqual({ 401: 40 });
      expect(statusCounts(reads)).toEqual({ 200: 40 });
    });
  });
}
