import { z } from 'zod';

/** An admin list endpoint's body, `{count, results}`: `count` is the number of `results`. */
export function listResponseSchema<Item extends z.ZodType>(item: Item) {
  return z
    .strictObject({ count: z.number().int().nonnegative(), results: z.array(item) })
    .refine((body) => body.count === body.results.length, {
      path: ['count'],
      message: 'count must be the number of results',
    });
}

/** `{count, results}` of an admin list endpoint. */
export interface ListResponse<Item> {
  count: number;
  results: Item[];
}

/** When an admin object was created or last changed: an ISO 8601 time in UTC. */
export const timestampSchema = z.iso.datetime();

/** The object's `version`: sent back as `If-Match` (a stale one gets 409). */
export const versionSchema = z.number().int().positive();
