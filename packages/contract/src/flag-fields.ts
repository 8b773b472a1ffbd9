import { z } from 'zod';
import { nameSchema, UUID_PATTERN } from './rules.js';

/** A flag, switch or sample name as stored (no camelCase conversion). */
export const flagNameSchema = nameSchema;

/** An enterprise customer uuid as the server sends it. */
export const customerUuidSchema = z.string().regex(UUID_PATTERN, 'an enterprise customer uuid');

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

export type EnterpriseFeatures = z.infer<typeof enterpriseFeaturesSchema>;
export type EnterpriseFeaturesMeta = z.infer<typeof enterpriseFeaturesMetaSchema>;
