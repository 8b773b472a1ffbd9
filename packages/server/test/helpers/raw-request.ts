import { request } from 'node:http';
import { type ErrorResponse, errorResponseSchema } from '@waffle-kit/contract';
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

/**
 * Whether `body` is exactly the contract's error shape, `{ error: { code, message, fields? } }`,
 * with `fields`, when sent, naming at least one field. (Counted on the body itself: a zod record
 * drops a `__proto__` key, which a fuzzed field name may be.)
 */
export function isErrorShape(body: unknown): boolean {
  if (!errorResponseSchema.safeParse(body).success) return false;
  const { fields } = (body as ErrorResponse).error;
  return fields === undefined || Object.keys(fields).length > 0;
}
