/** Response bodies are read loosely in tests: the assertions are the type check. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any;

/** A response as tests look at it. */
export interface TestResponse<T = Json> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
  /** `Set-Cookie` headers of this response, by cookie name (the full header line). */
  readonly setCookies: Map<string, string>;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Send no cookies at all (a server-to-server call). */
  readonly noCookies?: boolean;
  /** Aborts the request (fault tests bound every wait with `AbortSignal.timeout`). */
  readonly signal?: AbortSignal;
}

/**
 * A tiny browser over fetch: keeps cookies, and copies the `csrftoken` cookie into the
 * `X-CSRFToken` header of unsafe requests, as the demo apps do.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrf = true;

  constructor(readonly baseUrl: string) {}

  async request<T = Json>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (!options.noCookies && this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const unsafe = !['GET', 'HEAD'].includes(method);
    const token = this.cookies.get('csrftoken');
    if (unsafe && this.csrf && token && !options.noCookies) headers['x-csrftoken'] = token;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    const setCookies = new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      setCookies.set(name, line);
      if (options.noCookies) continue;
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers, setCookies };
  }

  get<T = Json>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }

  post<T = Json>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }

  /** Logs in (fails the test if it does not work) and returns the session token. */
  async login(username: string, password: string): Promise<string> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200) {
      throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return this.cookies.get('waffle_session')!;
  }
}
