import { expect } from 'vitest';
import { z } from 'zod';

/**
 * The body parsed with the contract's schema for it, or a failed test that says which key broke
 * the contract (the schemas are strict: an extra, missing, renamed or mistyped key fails).
 *
 * @example
 * const flag = expectShape(flagDetailSchema, (await staff.get('/api/admin/flags/a')).body);
 */
export function expectShape<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what = 'the response',
): z.output<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) {
    expect.fail(
      `${what} breaks the contract:\n${z.prettifyError(result.error)}\nbody: ${JSON.stringify(body).slice(0, 600)}`,
    );
  }
  return result.data;
}
