import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, ValidationError } from '../../errors/app-error.js';

/**
 * Validates `data` with the input's one schema (shared by the API, the CLI and the admin page);
 * a rejection becomes a 400 `validation_error` with one message per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= 'Unknown field.';
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  throw new ValidationError('The input is not valid; see fields.', fields);
}

/**
 * The object version a write expects, from `If-Match: 3` (quotes and `W/` allowed). Undefined
 * when the header is absent; a malformed one is a 400.
 */
export function expectedVersion(req: Request): number | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const version = Number(header.replace(/^W\//, '').replaceAll('"', '').trim());
  if (!Number.isInteger(version) || version < 1) {
    throw new AppError(400, 'bad_if_match', 'If-Match must be the object version, e.g. If-Match: 3.');
  }
  return version;
}
