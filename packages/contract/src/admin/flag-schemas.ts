import { z } from 'zod';
import { customerUuidSchema } from '../flag-fields.js';
import {
  groupNameSchema,
  languageCodeSchema,
  nameSchema,
  noteSchema,
  percentSchema,
  usernameSchema,
  uuidSchema,
} from '../rules.js';
import { listResponseSchema, timestampSchema, versionSchema } from './list.js';

/** The fields of a flag an admin edits: what the admin page's form holds, all of them. */
export const flagFieldsSchema = z.strictObject({
  name: nameSchema,
  everyone: z.boolean().nullable(),
  percent: percentSchema.nullable(),
  testing: z.boolean(),
  superusers: z.boolean(),
  staff: z.boolean(),
  authenticated: z.boolean(),
  languages: z.array(languageCodeSchema),
  users: z.array(usernameSchema),
  groups: z.array(groupNameSchema),
  /** The flag sets the flag belongs to, by name (a write replaces them all; each must exist). */
  sets: z.array(nameSchema),
  rollout: z.boolean(),
  note: noteSchema,
});

/** One enterprise percentage as a write gives it (the uuid in any case; stored lower-cased). */
export const enterprisePercentageInputSchema = z.strictObject({
  enterprise_customer_uuid: uuidSchema,
  percent: percentSchema,
});

/** `POST /api/admin/flags` and `waffle-kit flag NAME --create`: a name and any fields. */
export const createFlagBodySchema = flagFieldsSchema
  .extend({
    /** Replaces every enterprise percentage of the flag. */
    enterprise_percentages: z.array(enterprisePercentageInputSchema),
  })
  .partial()
  .required({ name: true });

/** `PATCH /api/admin/flags/:name`: fields not given stay as they are. */
export const updateFlagBodySchema = createFlagBodySchema.omit({ name: true });

/** `PUT /api/admin/flags/:name/enterprise-percentages/:uuid`. */
export const setEnterprisePercentageBodySchema = z.strictObject({ percent: percentSchema });

/** One enterprise percentage of a flag as the server sends it. */
export const enterprisePercentageSchema = z.strictObject({
  enterprise_customer_uuid: customerUuidSchema,
  percent: percentSchema,
});

/** On the flag detail: also the customer's active, linked learners and how many it turns on. */
export const enterprisePercentageDetailSchema = enterprisePercentageSchema.extend({
  linked_learners: z.number().int().nonnegative(),
  learners_on: z.number().int().nonnegative(),
});

/** DESIGN.md's Flag JSON: every list, write answer and audit entry of a flag. */
export const flagSchema = flagFieldsSchema.extend({
  created: timestampSchema,
  modified: timestampSchema,
  version: versionSchema,
  enterprise_percentages: z.array(enterprisePercentageSchema),
});

/** `GET /api/admin/flags/:name`: the flag, each enterprise percentage with its learner counts. */
export const flagDetailSchema = flagSchema.extend({
  enterprise_percentages: z.array(enterprisePercentageDetailSchema),
});

/** `GET /api/admin/flags?search=&set=`. */
export const flagListResponseSchema = listResponseSchema(flagSchema);

const flagNamesSchema = z.array(nameSchema).min(1, 'Name at least one flag.');

/** `POST /api/admin/flags/bulk`: Waffle's admin actions, or set membership, for many flags at once. */
export const flagBulkBodySchema = z.union([
  z.strictObject({
    action: z.enum(['enable_everyone', 'disable_everyone', 'delete']),
    names: flagNamesSchema,
  }),
  // The other sets of each flag stay as they are.
  z.strictObject({
    action: z.enum(['add_to_set', 'remove_from_set']),
    names: flagNamesSchema,
    set: nameSchema,
  }),
]);

/** The answer to a bulk action: what was done, to how many flags. */
export const flagBulkResponseSchema = z.strictObject({
  action: z.enum(['enable_everyone', 'disable_everyone', 'delete', 'add_to_set', 'remove_from_set']),
  count: z.number().int().positive(),
});

export type FlagFields = z.input<typeof flagFieldsSchema>;
export type CreateFlagBody = z.input<typeof createFlagBodySchema>;
export type UpdateFlagBody = z.input<typeof updateFlagBodySchema>;
export type EnterprisePercentage = z.infer<typeof enterprisePercentageSchema>;
export type EnterprisePercentageDetail = z.infer<typeof enterprisePercentageDetailSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type FlagDetail = z.infer<typeof flagDetailSchema>;
export type FlagListResponse = z.infer<typeof flagListResponseSchema>;
export type FlagBulkBody = z.input<typeof flagBulkBodySchema>;
export type FlagBulkResponse = z.infer<typeof flagBulkResponseSchema>;
