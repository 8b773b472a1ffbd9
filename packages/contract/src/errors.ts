import { z } from 'zod';

/** Every `error.code` a waffle-kit endpoint sends (DESIGN.md and docs/wire-format.md). */
export const ERROR_CODES = [
  'bad_request',
  'bad_if_match',
  'conflict',
  'csrf_failed',
  'database_unavailable',
  'headers_too_large',
  'internal_error',
  'invalid_credentials',
  'invalid_json',
  'not_authenticated',
  'not_found',
  'payload_too_large',
  'permission_denied',
  'rate_limited',
  'unsupported_charset',
  'unsupported_encoding',
  'validation_error',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);

/** The error body of every waffle-kit endpoint: `{ error: { code, message, fields? } }`. */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: errorCodeSchema,
    message: z.string().min(1),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export type ErrorCode = z.infer<typeof errorCodeSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
