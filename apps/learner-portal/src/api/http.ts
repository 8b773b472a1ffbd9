/** The API's error body: `{ "error": { "code", "message", "fields"? } }` (DESIGN.md). */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
}

/**
 * Every failed request becomes one of these: the server's error shape, a body that is not that
 * shape, or no answer at all (`status` 0).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'csrftoken';

/** Reads one cookie the page may see (the CSRF token is not HttpOnly on purpose). */
export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ApiErrorBody).code === 'string' &&
    typeof (error as ApiErrorBody).message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The one place that talks HTTP: same-origin cookies, the CSRF header on unsafe methods, JSON in
 * and out, and every failure turned into an {@link ApiError} with a message a person can act on.
 */
export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers['X-CSRFToken'] = token;
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, window.location.origin), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'network_error',
      message: 'The server did not answer. Check your connection, then try again.',
    });
  }
  const data = await readJson(response);
  if (response.ok) return data as T;
  if (isErrorBody(data)) throw new ApiError(response.status, data.error);
  // A proxy in front (Vite's in development) answers 502-504 when the server is down.
  if (response.status >= 502 && response.status <= 504) {
    throw new ApiError(response.status, {
      code: 'server_unavailable',
      message: `The server is not reachable (${response.status}). Check that it is running, then try again.`,
    });
  }
  throw new ApiError(response.status, {
    code: 'http_error',
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
  });
}
