/** A logged-in session: the headers every request sends (cookies and the CSRF header). */
export interface Session {
  readonly headers: Record<string, string>;
}

/** Logs in through `POST /api/auth/login` and keeps the session and csrftoken cookies. */
export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok)
    throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  const csrf = cookies.find((cookie) => cookie.startsWith('csrftoken='))?.slice('csrftoken='.length);
  if (!csrf) throw new Error('login set no csrftoken cookie');
  return {
    headers: { cookie: cookies.join('; '), 'x-csrftoken': csrf, 'content-type': 'application/json' },
  };
}

/** One JSON request with the session's headers; throws on a status of 400 or more. */
export async function requestJson(
  session: Session,
  url: string,
  method: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method,
    headers: session.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}
