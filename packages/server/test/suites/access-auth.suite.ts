import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../src/db/models/index.js';
import { addresses, fromAddress, responseText, searchableText, statusCounts } from '../helpers/access.js';
import { TEST_PASSWORD } from '../helpers/builders.js';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { runCli } from '../helpers/run-cli.js';
import type { RequestOptions, TestClient, TestResponse } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const LOGIN = '/api/auth/login';
/** The session token alone, as a bearer token or as the only cookie. */
const bearer = (token: string): RequestOptions => ({
  noCookies: true,
  headers: { authorization: `Bearer ${token}` },
});
const cookie = (token: string): RequestOptions => ({
  noCookies: true,
  headers: { cookie: `waffle_session=${token}` },
});

/** A `Set-Cookie` line without its value and dates, for the printed figures. */
const cookieAttributes = (line: string) =>
  line
    .split('; ')
    .slice(1)
    .filter((part) => !/^(Expires|Max-Age)=/.test(part))
    .join('; ');

const guessNora = (app: TestApp, address: string) =>
  app.client().post(LOGIN, { username: 'nora', password: 'wrong guess' }, fromAddress(address));

/**
 * Sessions, cookies, logout, secrets and login throttling, over the real server. `proxied` trusts
 * the loopback proxy (the test client), so `X-Forwarded-For` names the client; `direct` (run after
 * it: the models serve one app at a time) trusts none.
 */
export function describeAccessAuth(dialect: TestDialect): void {
  describe(`access: sessions, cookies and logins behind a trusted proxy on ${dialect}`, () => {
    let proxied: TestApp;

    beforeAll(async () => {
      proxied = await createTestApp({ dialect, config: { trustProxy: ['loopback'] } });
      for (const username of ['lina', 'mallory', 'nora', 'olga', 'pete', 'quinn']) {
        await proxied.build.user({ username });
      }
      await proxied.build.user({ username: 'sam', isStaff: true });
      await proxied.build.user({ username: 'root', isSuperuser: true, isStaff: true });
    });

    afterAll(async () => {
      await proxied?.close();
    });

    const me = (token: string, as: typeof cookie) => proxied.client().get('/api/auth/me', as(token));

    it('gives a login that arrives with a session a brand-new session and CSRF token, and ends the old session', async () => {
      const browser = proxied.client();
      const first = await browser.login('lina', TEST_PASSWORD);
      const firstCsrf = browser.cookies.get('csrftoken');

      const second = await browser.login('lina', TEST_PASSWORD);
      // A victim's browser carrying a session the attacker planted (mallory's), or a made-up value.
      const planted = await proxied.client().login('mallory', TEST_PASSWORD);
      const victim = proxied.client();
      victim.cookies.set('waffle_session', planted);
      victim.cookies.set('csrftoken', 'planted-csrf');
      const victimToken = await victim.login('lina', TEST_PASSWORD);
      const chosen = proxied.client();
      chosen.cookies.set('waffle_session', 'attacker-chosen-value');
      const chosenToken = await chosen.login('lina', TEST_PASSWORD);
      const after = await Promise.all([
        me(first, cookie),
        me(first, bearer),
        me(planted, cookie),
        me(planted, bearer),
        me('attacker-chosen-value', cookie),
        me(second, cookie),
        me(victimToken, bearer),
      ]);
      console.log(
        `[access] session rotation (${dialect}): 5 logins, old/planted/chosen tokens -> ${after
          .slice(0, 5)
          .map((r) => r.status)
          .join(',')}, new tokens -> ${after
          .slice(5)
          .map((r) => r.status)
          .join(',')}`,
      );

      expect(second).not.toBe(first);
      expect(browser.cookies.get('csrftoken')).not.toBe(firstCsrf);
      expect(victimToken).not.toBe(planted);
      expect(victim.cookies.get('csrftoken')).not.toBe('planted-csrf');
      expect(chosenToken).not.toBe('attacker-chosen-value');
      expect(after.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 200, 200]);
      expect(after[0]!.body.error.code).toBe('not_authenticated');
      expect(after[6]!.body.user.username).toBe('lina');
    });

    it('ends the server-side session on logout: the captured token gets 401 on me and the admin API, by cookie and by bearer', async () => {
      const staff = proxied.client();
      const token = await staff.login('sam', TEST_PASSWORD);
      const before = await proxied.client().get('/api/admin/flags', bearer(token));

      const logout = await staff.post('/api/auth/logout');
      const after = await Promise.all([
        me(token, cookie),
        me(token, bearer),
        proxied.client().get('/api/admin/flags', cookie(token)),
        proxied.client().get('/api/admin/flags', bearer(token)),
        proxied.client().get('/api/admin/audit', bearer(token)),
      ]);
      // A server-to-server caller logs out with its bearer token alone.
      const bff = await proxied.client().login('sam', TEST_PASSWORD);
      const bffLogout = await proxied.client().post('/api/auth/logout', undefined, bearer(bff));
      const bffAfter = await proxied.client().get('/api/admin/flags', bearer(bff));
      console.log(
        `[access] logout (${dialect}): before ${before.status}, logout ${logout.status}, after ${after.map((r) => r.status).join(',')}; bearer logout ${bffLogout.status} -> ${bffAfter.status}`,
      );

      expect(before.status).toBe(200);
      expect(logout.status).toBe(204);
      expect(after.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      for (const response of after) expect(response.body.error.code).toBe('not_authenticated');
      expect(bffLogout.status).toBe(204);
      expect(bffAfter.status).toBe(401);
    });

    it('sets HttpOnly, SameSite=Lax, Path=/ session cookies, Secure only when a trusted proxy says https', async () => {
      const https = await proxied
        .client()
        .post(
          LOGIN,
          { username: 'lina', password: TEST_PASSWORD },
          { headers: { 'x-forwarded-proto': 'https' } },
        );
      const http = await proxied.client().post(LOGIN, { username: 'lina', password: TEST_PASSWORD });
      const anonymous = await proxied
        .client()
        .get('/waffle_status', { headers: { 'x-forwarded-proto': 'https' } });
      const lines = [https, http].map((r) => r.setCookies.get('waffle_session') ?? '');
      console.log(
        `[access] cookies (${dialect}): session cookie via trusted https -> ${cookieAttributes(lines[0]!)}; via plain http -> ${cookieAttributes(lines[1]!)}`,
      );

      for (const line of lines) {
        expect(line).toMatch(/; HttpOnly/);
        expect(line).toMatch(/; SameSite=Lax/);
        expect(line).toMatch(/; Path=\/(;|$)/);
      }
      expect(lines[0]).toMatch(/; Secure/);
      expect(https.setCookies.get('csrftoken')).toMatch(/; Secure/);
      expect(https.setCookies.get('csrftoken')).not.toMatch(/HttpOnly/);
      expect([...anonymous.setCookies.values()].every((line) => /; Secure/.test(line))).toBe(true);
      expect(anonymous.setCookies.size).toBeGreaterThan(0);
      expect(lines[1]).not.toMatch(/Secure/);
    });

    it('throttles by the forwarded client address of a trusted proxy', async () => {
      const guesses: TestResponse[] = [];
      for (const address of addresses(6, 100)) guesses.push(await guessNora(proxied, address));
      console.log(
        `[access] forwarded address (${dialect}): 6 guesses from 6 X-Forwarded-For values, trusted proxy -> ${JSON.stringify(statusCounts(guesses))}`,
      );

      expect(guesses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    });

    it('throttles many addresses guessing one account, refuses the right password during the lockout, and leaves other users alone', async () => {
      const burst = await Promise.all(
        addresses(30, 200).map((address) =>
          proxied.client().post(LOGIN, { username: 'olga', password: 'wrong guess' }, fromAddress(address)),
        ),
      );
      const fresh = addresses(2, 300);
      const right = await proxied
        .client()
        .post(LOGIN, { username: 'olga', password: TEST_PASSWORD }, fromAddress(fresh[0]!));
      const wrong = await proxied
        .client()
        .post(LOGIN, { username: 'olga', password: 'another guess' }, fromAddress(fresh[0]!));
      const other = await proxied
        .client()
        .post(LOGIN, { username: 'pete', password: TEST_PASSWORD }, fromAddress(fresh[1]!));
      const counts = statusCounts(burst);
      console.log(
        `[access] per-account limit (${dialect}): 30 concurrent guesses at one account from 30 addresses -> ${JSON.stringify(counts)}; right password during lockout -> ${right.status} (Retry-After ${right.headers.get('retry-after')}s); another user elsewhere -> ${other.status}`,
      );

      expect(counts).toEqual({ 401: 20, 429: 10 });
      expect(right.status).toBe(429);
      expect(right.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(right.body).toEqual(wrong.body);
      expect(right.setCookies.has('waffle_session')).toBe(false);
      expect(other.status).toBe(200);
    });

    it('throttles one address spraying many accounts, even for a right password, while that account works from elsewhere', async () => {
      const [spray, elsewhere] = addresses(2, 400);
      const burst = await Promise.all(
        Array.from({ length: 55 }, (_, i) =>
          proxied
            .client()
            .post(LOGIN, { username: `ghost${i}`, password: 'wrong guess' }, fromAddress(spray!)),
        ),
      );
      const right = await proxied
        .client()
        .post(LOGIN, { username: 'quinn', password: TEST_PASSWORD }, fromAddress(spray!));
      const other = await proxied
        .client()
        .post(LOGIN, { username: 'quinn', password: TEST_PASSWORD }, fromAddress(elsewhere!));
      const counts = statusCounts(burst);
      console.log(
        `[access] per-address limit (${dialect}): 55 concurrent guesses at 55 accounts from one address -> ${JSON.stringify(counts)}; right password from it -> ${right.status}; same account elsewhere -> ${other.status}`,
      );

      expect(counts).toEqual({ 401: 50, 429: 5 });
      expect(right.status).toBe(429);
      expect(right.body.error.code).toBe('rate_limited');
      expect(other.status).toBe(200);
    });

    it('never logs or returns a password or its stored hash (logins, admin API, CLI, audit, export)', async () => {
      const secrets = ['Create-s3cret-NEVER-shown', 'Update-s3cret-NEVER-shown', 'Cli-s3cret-NEVER-shown'];
      const [created, updated, cli] = secrets as [string, string, string];
      const short = 'Sh0rt!x';
      const seen: TestResponse[] = [];
      const record = async (request: Promise<TestResponse>) => {
        const response = await request;
        seen.push(response);
        return response;
      };
      const admin: TestClient = proxied.client();
      seen.push(await admin.post(LOGIN, { username: 'root', password: TEST_PASSWORD }));

      const create = await record(admin.post('/api/admin/users', { username: 'wanda', password: created }));
      await record(admin.post('/api/admin/users', { username: 'bad name!', password: created }));
      await record(admin.post('/api/admin/users', { username: 'xavier', password: short }));
      await record(admin.post('/api/admin/users', { username: 'yves', password: created, passwd: created }));
      await record(admin.request('PATCH', '/api/admin/users/wanda', { body: { password: short } }));
      await record(
        admin.request('PATCH', '/api/admin/users/wanda', { body: { password: created, email: created } }),
      );
      const update = await record(
        admin.request('PATCH', '/api/admin/users/wanda', { body: { password: updated } }),
      );
      const [address] = addresses(1, 500);
      const login = (username: string, password: string) =>
        record(proxied.client().post(LOGIN, { username, password }, fromAddress(address!)));
      const ok = await login('wanda', updated);
      for (let i = 0; i < 5; i++) await login('wanda', created);
      const throttled = await login('wanda', updated);
      await login('nobody-here', created);
      await record(admin.get('/api/admin/users'));
      await record(admin.get('/api/admin/users/wanda'));
      await record(admin.get('/api/admin/audit?object_type=user'));
      await record(admin.get('/api/admin/export'));
      const cliRuns = [
        await runCli(proxied.database.url, ['createsuperuser', 'cliroot', '--password', cli]),
        await runCli(proxied.database.url, ['createsuperuser', '--password', cli]),
        await runCli(proxied.database.url, ['export']),
      ];
      const cliLogin = await login('cliroot', cli);
      const audit = await record(admin.get('/api/admin/audit?object_type=user'));

      const hashes = (await User.findAll({ where: { username: ['wanda', 'cliroot'] } })).map(
        (u) => u.passwordHash!,
      );
      const needles = [...secrets, short, ...hashes, ...hashes.map((hash) => hash.split('$').at(-1)!)];
      const haystacks = {
        responses: seen.map(responseText).join('\n'),
        logs: searchableText(proxied.logs),
        cli: cliRuns.map((run) => run.stdout + run.stderr).join('\n'),
      };
      const leaks = Object.entries(haystacks).flatMap(([where, text]) =>
        needles.filter((needle) => text.includes(needle)).map((needle) => `${where}: ${needle}`),
      );
      console.log(
        `[access] secrets (${dialect}): ${seen.length} responses (${JSON.stringify(statusCounts(seen))}), ${proxied.logs.length} log entries, ${cliRuns.length} CLI runs, ${audit.body.count} user audit entries, ${needles.length} needles -> ${leaks.length} leaks`,
      );

      expect(create.status).toBe(201);
      expect(update.status).toBe(200);
      expect(ok.status).toBe(200);
      expect(throttled.status).toBe(429);
      expect(cliRuns.map((run) => run.status)).toEqual([0, 2, 0]);
      expect(cliLogin.status).toBe(200);
      expect(hashes).toHaveLength(2);
      expect(statusCounts(seen)[400]).toBeGreaterThanOrEqual(5);
      expect(leaks).toEqual([]);
    });
  });

  describe(`access: cookies and logins without a trusted proxy on ${dialect}`, () => {
    let direct: TestApp;

    beforeAll(async () => {
      direct = await createTestApp({ dialect });
      await direct.build.user({ username: 'nora' });
    });

    afterAll(async () => {
      await direct?.close();
    });

    it('ignores X-Forwarded-Proto (no Secure) and X-Forwarded-For (throttles the real address)', async () => {
      const login = await direct
        .client()
        .post(
          LOGIN,
          { username: 'nora', password: TEST_PASSWORD },
          { headers: { 'x-forwarded-proto': 'https' } },
        );
      const guesses: TestResponse[] = [];
      for (const address of addresses(6, 100)) guesses.push(await guessNora(direct, address));
      console.log(
        `[access] untrusted proxy headers (${dialect}): session cookie via X-Forwarded-Proto https -> ${cookieAttributes(login.setCookies.get('waffle_session')!)}; 6 guesses from 6 X-Forwarded-For values -> ${JSON.stringify(statusCounts(guesses))}`,
      );

      expect(login.status).toBe(200);
      expect(login.setCookies.get('waffle_session')).toMatch(/; HttpOnly/);
      expect(login.setCookies.get('waffle_session')).not.toMatch(/Secure/);
      expect(login.setCookies.get('csrftoken')).not.toMatch(/Secure/);
      // All six come from 127.0.0.1, so the sixth meets the 5-per-address-and-user limit.
      expect(guesses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    });
  });
}
