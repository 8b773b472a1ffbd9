/** Answers are read loosely in test set-up: the server's own tests pin their shape. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any;

/**
 * The admin API over fetch, as the admin page calls it: a session cookie from login and the
 * `csrftoken` cookie copied into `X-CSRFToken` on every write. For setting up end-to-end data.
 */
export class AdminClient {
  private cookies = new Map<string, string>();

  private constructor(private readonly origin: string) {}

  /** Logs in as `username`; throws when the server refuses. */
  static async login(origin: string, username: string, password: string): Promise<AdminClient> {
    const client = new AdminClient(origin);
    await client.request('POST', '/api/auth/login', { username, password });
    return client;
  }

  /** Sends a JSON request and returns the JSON answer; a non-2xx answer throws with its body. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Json> {
    const csrf = this.cookies.get('csrftoken');
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(csrf ? { 'x-csrftoken': csrf } : {}),
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text === '' ? null : JSON.parse(text);
  }
}
