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
  // A Map, not an object: a field named `constructor` or `__proto__` must get its message too.
  const fields = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!fields.has(key)) fields.set(key, message);
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'Unknown field.');
      continue;
    }
    add(issue.path.length > 0 ? issue.path.join('.') : '_', issue.message);
  }
  throw new ValidationError('The input is not valid; see fields.', Object.fromEntries(fields));
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

/**
 * A name from the URL (`:name`, `:username`, `:uuid`), checked with the same schema as a name in
 * a body: a name that could never exist is a 400 `validation_error`, not a lookup.
 */
export function parseParam(schema: z.ZodType<string>, req: Request, param: string): string {
  const result = schema.safeParse(req.params[param]);
  if (result.success) return result.data;
  throw new ValidationError(`The ${param} in the URL is not valid.`, {
    [param]: result.error.issues[0]?.message ?? 'Not valid.',
  });
}
