import type { ErrorCode, ErrorResponse } from '@waffle-kit/contract';

/** What a mocked endpoint answers: a status and a JSON body. */
export interface MockResponse<T = unknown> {
  readonly status: number;
  readonly body: T | ErrorResponse;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The server's error shape, `{ error: { code, message, fields? } }`. */
export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): MockResponse<never> {
  return { status, body: { error: { code, message, ...(fields ? { fields } : {}) } } };
}

export const notAuthenticated = () =>
  errorResponse(401, 'not_authenticated', 'Log in first: this needs a session.');
export const notLinked = () =>
  errorResponse(403, 'permission_denied', 'You are not linked to this enterprise customer.');
