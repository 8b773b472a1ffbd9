import type { ZodType } from 'zod';
import type { ErrorCode } from './errors.js';

// The one typed fetch client of the apps: browser-only (document.cookie, window.location).

/**
 * The API's error body: `{ "error": { "code", "message", "fields"? } }` (DESIGN.md); the client
 * adds its own codes for a request that got no such body.
 */
export interface ApiErrorBody {
  readonly code: ErrorCode | ClientErrorCode;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
}

/** Codes of failures the server did not describe: no answer, a proxy's 502-504, another body. */
export type ClientErrorCode = 'network_error' | 'server_unavailable' | 'http_error';

/**
 * Every failed request becomes one of these, whatever went wrong: the server's error shape,
 * a body that is not that shape, or no answer at all (`status` 0).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorBody['code'];
  readonly fields: Readonly<Record<string, string>>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = foldFields(body.fields ?? {});
  }

  /** The object changed since it was read (stale `If-Match`). */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/**
 * Adds each nested field message (`languages.0`, `enterprise_percentages.1.percent`) under its
 * top-level field too, where the page has an input to show it beside.
 */
function foldFields(fields: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const folded: Record<string, string> = { ...fields };
  for (const [key, message] of Object.entries(fields)) {
    const top = key.split('.')[0]!;
    folded[top] ??= message;
  }
  return folded;
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

export interface RequestOptions<T = unknown> {
  readonly body?: unknown;
  /** Validates a successful body; a body that breaks the contract throws the schema's error. */
  readonly schema?: ZodType<T>;
  /** The object's `version` as read; the server answers 409 when it is stale. */
  readonly ifMatch?: number | string;
  readonly query?: Readonly<Record<string, string | undefined>>;
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  return url.toString();
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
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
 * The one place that talks HTTP to the server: same-origin cookies, the CSRF header on unsafe
 * methods, `If-Match`, JSON in and out, and every error turned into an {@link ApiError}.
 */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers['X-CSRFToken'] = token;
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'network_error',
      message: 'The server did not answer. Check that it is running, then try again.',
    });
  }
  const body = await readJson(response);
  if (response.ok) return options.schema ? options.schema.parse(body) : (body as T);
  if (isErrorBody(body)) throw new ApiError(response.status, body.error);
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

/** Path segment for a name or uuid (flag names may contain dots; anything else is escaped). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

/** List endpoints answer `{count, results}`; accept a bare array as well. */
export function resultsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === 'object' && body !== null && Array.isArray((body as { results?: unknown }).results)) {
    return (body as { results: T[] }).results;
  }
  return [];
}
