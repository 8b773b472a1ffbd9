import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createTestApp, type TestApp } from './helpers/create-test-app.js';

// Headers do not depend on the database, so SQLite alone covers them.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** What every response carries, HTTP or HTTPS. */
function expectSecurityHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('x-powered-by'), what).toBeNull();
}

/** One response of each kind the server gives: API JSON, the error shape, a built app's files. */
const REQUESTS: readonly { what: string; path: string; init?: RequestInit; status: number }[] = [
  { what: 'API JSON', path: '/waffle_status', status: 200 },
  { what: 'unknown API route', path: '/api/nothing-here', status: 404 },
  { what: 'admin API without a session', path: '/api/admin/flags', status: 401 },
  {
    what: 'unreadable JSON body',
    path: '/api/auth/login',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' },
    status: 400,
  },
  { what: 'learner portal page', path: '/', init: { headers: { accept: 'text/html' } }, status: 200 },
  {
    what: 'client-side route (SPA fallback)',
    path: '/acme/',
    init: { headers: { accept: 'text/html' } },
    status: 200,
  },
  { what: 'admin page', path: '/admin/', init: { headers: { accept: 'text/html' } }, status: 200 },
  { what: 'app script', path: '/admin/app.js', status: 200 },
];

describe('security headers', () => {
  let apps: string;
  let plain: TestApp;
  let https: TestApp;
  let proxied: Server;
  let proxiedUrl: string;

  beforeAll(async () => {
    apps = mkdtempSync(join(tmpdir(), 'waffle-headers-'));
    for (const name of ['learner', 'admin']) {
      mkdirSync(join(apps, name));
      writeFileSync(join(apps, name, 'index.html'), `<!doctype html><title>${name}</title>`);
      writeFileSync(join(apps, name, 'app.js'), `console.log('${name}')`);
    }
    const config = { learnerPortalDir: join(apps, 'learner'), adminPortalDir: join(apps, 'admin') };
    plain = await createTestApp({ dialect: 'sqlite', config });
    https = await createTestApp({ dialect: 'sqlite', config: { ...config, secureCookies: true } });
    // Behind a TLS-terminating proxy that says so in X-Forwarded-Proto (trust proxy on).
    const app = createApp({ runtime: plain.runtime, trustProxy: true });
    proxied = await new Promise<Server>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(server));
    });
    proxiedUrl = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => proxied?.close(resolve));
    await plain?.close();
    await https?.close();
    rmSync(apps, { recursive: true, force: true });
  });

  it('puts the strict CSP and the other headers on every kind of response over HTTP, without HSTS', async () => {
    for (const request of REQUESTS) {
      const response = await fetch(`${plain.url}${request.path}`, request.init);
      expect(response.status, request.what).toBe(request.status);
      expect(response.headers.get('content-security-policy'), request.what).toBe(CSP);
      expectSecurityHeaders(response.headers, request.what);
      expect(response.headers.get('strict-transport-security'), request.what).toBeNull();
    }
    console.log(`[access] headers: ${REQUESTS.length} responses over HTTP carry the CSP, none HSTS`);
  });

  it('adds HSTS and upgrade-insecure-requests when the server is declared to be behind HTTPS', async () => {
    for (const request of REQUESTS) {
      const response = await fetch(`${https.url}${request.path}`, request.init);
      expect(response.status, request.what).toBe(request.status);
      expect(response.headers.get('content-security-policy'), request.what).toBe(
        `${CSP}; upgrade-insecure-requests`,
      );
      expectSecurityHeaders(response.headers, request.what);
      expect(response.headers.get('strict-transport-security'), request.what).toBe('max-age=31536000');
    }
    console.log(`[access] headers: ${REQUESTS.length} responses over HTTPS carry the CSP and HSTS`);
  });

  it('adds them per request when a trusted proxy says the request came over HTTPS', async () => {
    const overHttps = await fetch(`${proxiedUrl}/waffle_status`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(overHttps.headers.get('content-security-policy')).toBe(`${CSP}; upgrade-insecure-requests`);

    const overHttp = await fetch(`${proxiedUrl}/waffle_status`);
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
    expect(overHttp.headers.get('content-security-policy')).toBe(CSP);
  });

  it('sends the policy the package README tells deployers about', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\n${CSP}\n`);
  });
});
