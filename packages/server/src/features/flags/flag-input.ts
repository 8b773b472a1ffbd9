import { FLAG_NAME_PATTERN, isValidPercent } from '@waffle-kit/core';
import { z } from 'zod';
import { groupNameSchema, usernameSchema } from '../users/user-input.js';

/** Names of flags, switches and samples: 1-100 characters of `[A-Za-z0-9_.-]`. */
export const nameSchema = z
  .string({ error: 'Enter a name.' })
  .regex(FLAG_NAME_PATTERN, 'Use 1-100 characters: letters, digits, "_", "." or "-".');

/** 0.0-100.0 with at most one decimal. */
export const percentSchema = z
  .number({ error: 'Enter a number from 0.0 to 100.0.' })
  .refine(isValidPercent, 'Use a number from 0.0 to 100.0 with at most one decimal.');

/** An enterprise customer uuid as a request may write it (any case), lower-cased as it is stored. */
export const uuidSchema = z
  .string('Use an enterprise customer uuid.')
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'Use an enterprise customer uuid such as 3f6c1e2a-0b1d-4c8e-9f00-1a2b3c4d5e6f.',
  )
  .transform((uuid) => uuid.toLowerCase());

/** Free text an admin attaches to a flag, switch or sample. */
export const noteSchema = z.string().max(10_000);

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
