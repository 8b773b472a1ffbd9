import { request } from 'node:http';
import type { TestClient } from './test-client.js';

export interface RawRequest {
  readonly method: string;
  /** Sent as-is: no URL normalisation, so `../`, `%00` and `%ZZ` reach the server untouched. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** Sent as-is (no JSON encoding); its content type is whatever `headers` says. */
  readonly body?: string | Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
}

/**
 * One HTTP request over node:http with the cookies (and CSRF header) of `client`, for hostile
 * input that `fetch` would refuse or rewrite: raw paths, malformed bodies, odd content types.
 */
export function rawRequest(
  baseUrl: string,
  client: TestClient | null,
  req: RawRequest,
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { ...req.headers };
  if (client && client.cookies.size > 0) {
    headers.cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const token = client.cookies.get('csrftoken');
    if (token && !['GET', 'HEAD'].includes(req.method)) headers['x-csrftoken'] = token;
  }
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, text, json });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** Whether `body` is exactly `{ error: { code, message, fields? } }` with strings (and `fields` not empty). */
export function isErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  if (Object.keys(body).join() !== 'error') return false;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return false;
  const { code, message, fields, ...rest } = error as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof code !== 'string' || typeof message !== 'string') return false;
  if (code === '' || message === '') return false;
  if (fields === undefined) return Object.hasOwn(error, 'fields') === false;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return false;
  const messages = Object.values(fields);
  return messages.length > 0 && messages.every((value) => typeof value === 'string');
}
