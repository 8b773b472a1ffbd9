import { nameSchema, noteSchema, percentSchema, uuidSchema } from '@waffle-kit/contract';
import { z } from 'zod';
import { groupNameSchema, usernameSchema } from '../users/user-input.js';

export const enterprisePercentageSchema = z.strictObject({
  enterprise_customer_uuid: uuidSchema,
  percent: percentSchema,
});

const flagFields = {
  everyone: z.boolean().nullable(),
  percent: percentSchema.nullable(),
  testing: z.boolean(),
  superusers: z.boolean(),
  staff: z.boolean(),
  authenticated: z.boolean(),
  languages: z.array(
    z.string().regex(/^[A-Za-z0-9_-]{1,35}$/, 'Use language codes such as "en" or "pt-br".'),
  ),
  users: z.array(usernameSchema),
  groups: z.array(groupNameSchema),
  /** The flag sets the flag belongs to (replaces them all); each must exist. */
  sets: z.array(nameSchema),
  rollout: z.boolean(),
  note: noteSchema,
  /** Replaces every enterprise percentage of the flag. */
  enterprise_percentages: z.array(enterprisePercentageSchema),
};

/** `POST /api/admin/flags` and `waffle-kit flag NAME --create`: a name and any fields. */
export const createFlagSchema = z
  .strictObject({ name: nameSchema, ...flagFields })
  .partial()
  .required({ name: true });

/** `PATCH /api/admin/flags/:name`: fields not given stay as they are. */
export const updateFlagSchema = z.strictObject(flagFields).partial();

export const setEnterprisePercentageSchema = z.strictObject({ percent: percentSchema });

export type CreateFlagInput = z.infer<typeof createFlagSchema>;
export type UpdateFlagInput = z.infer<typeof updateFlagSchema>;
