import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, silentLogger, startServer } from '@waffle-kit/server';

export interface RealServer {
  readonly url: string;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/**
 * The real waffle-kit server, as `waffle-kit serve` wires it, on a free loopback port over a
 * fresh SQLite file with the demo seed (`WAFFLE_SEED=demo`).
 */
export async function startRealServer(): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'waffle-msw-contract-'));
  try {
    const server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: `sqlite:${join(dir, 'waffle.sqlite')}`,
        secret: 'contract-test-secret',
        secretGenerated: false,
        superuser: null,
        seed: 'demo',
        pollIntervalMs: 60_000,
        learnerPortalDir: '/nonexistent',
        adminPortalDir: '/nonexistent',
        secureCookies: false,
      },
      { logger: silentLogger },
    );
    return {
      url: server.url,
      server,
      async close() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A logged-in browser in a few lines: keeps the cookies and sends the CSRF header on POST. */
export class Session {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<Session> {
    const session = new Session(baseUrl);
    const response = await session.request('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login as ${username} failed with ${response.status}`);
    return session;
  }

  /** `wrap` may replace the request, e.g. with MSW's `bypass(request)` to skip the mocks. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    wrap: (request: Request) => Request = (request) => request,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const token = this.cookies.get('csrftoken');
    if (method !== 'GET' && token) headers['x-csrftoken'] = token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = new Request(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await fetch(wrap(request));
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim()));
    }
    return response;
  }

  async json(
    method: string,
    path: string,
    body?: unknown,
    wrap?: (request: Request) => Request,
  ): Promise<{ status: number; body: unknown }> {
    const response = await this.request(method, path, body, wrap);
    return { status: response.status, body: await response.json() };
  }
}
