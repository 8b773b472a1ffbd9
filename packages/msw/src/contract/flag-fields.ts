import { FLAG_NAME_PATTERN } from '@waffle-kit/core';
import { z } from 'zod';

/** A flag, switch or sample name as stored (no camelCase conversion). */
export const flagNameSchema = z
  .string()
  .regex(FLAG_NAME_PATTERN, 'a name as stored: 1-100 of [A-Za-z0-9_.-]');

/** An enterprise customer uuid, as the server accepts it. */
export const customerUuidSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'an enterprise customer uuid');

/** `enterprise_features`: `{ [flagName]: boolean }`. */
export const enterpriseFeaturesSchema = z.record(flagNameSchema, z.boolean());

/** `enterprise_features_by_customer`: `{ [customerUuid]: { [flagName]: boolean } }`. */
export const enterpriseFeaturesByCustomerSchema = z.record(customerUuidSchema, enterpriseFeaturesSchema);

/** `waffle_switches`: every switch, `{ [switchName]: boolean }`, in each response that carries flags. */
export const waffleSwitchesSchema = z.record(flagNameSchema, z.boolean());

/** `enterprise_features_meta` (docs/wire-format.md). */
export const enterpriseFeaturesMetaSchema = z.strictObject({
  version: z.number().int().nonnegative(),
  evaluated_at: z.number().int().positive(),
  username: z.string().min(1).nullable(),
  enterprise_customer_uuid: customerUuidSchema.nullable(),
});

/** The error body of every waffle-kit endpoint: `{ error: { code, message, fields? } }`. */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export type EnterpriseFeatures = z.infer<typeof enterpriseFeaturesSchema>;
export type EnterpriseFeaturesMeta = z.infer<typeof enterpriseFeaturesMetaSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
