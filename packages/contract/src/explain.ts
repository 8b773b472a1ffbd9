import type { FlagReason } from '@waffle-kit/core';
import { z } from 'zod';
import { customerUuidSchema } from './flag-fields.js';

/** `GET /api/admin/flags/:name/explain`: why a flag is on or off for a user (and a customer). */
export const explainResponseSchema = z.strictObject({
  is_active: z.boolean(),
  /** The rule that decided, as core names it (e.g. "enterprise_percent"). */
  reason: z.string().min(1) as unknown as z.ZodType<FlagReason>,
  /** e.g. "on: enterprise percentage 30% for Acme, bucket 212 < 300". */
  description: z.string().min(1),
  bucket: z.number().int().min(0).max(999).optional(),
  percent: z.number().min(0).max(100).optional(),
  enterprise_customer_uuid: customerUuidSchema.optional(),
});

export type ExplainResponse = z.infer<typeof explainResponseSchema>;
