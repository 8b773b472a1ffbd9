import { z } from 'zod';
import { enterpriseCustomerSchema } from '../learner-schemas.js';
import { groupNameSchema, nameSchema, noteSchema, percentSchema, usernameSchema } from '../rules.js';
import { enterprisePercentageSchema, flagFieldsSchema } from './flag-schemas.js';

/**
 * `GET /api/admin/export` and `waffle-kit export`: all flag state, plus the groups, users,
 * customers and flag sets it names. `POST /api/admin/import` takes it back (or Waffle's dumpdata).
 */
export const flagStateDumpSchema = z.strictObject({
  format: z.literal('waffle-kit/1'),
  groups: z.array(groupNameSchema),
  users: z.array(z.strictObject({ username: usernameSchema })),
  enterprise_customers: z.array(enterpriseCustomerSchema),
  flag_sets: z.array(z.strictObject({ name: nameSchema, note: noteSchema })),
  flags: z.array(flagFieldsSchema.extend({ enterprise_percentages: z.array(enterprisePercentageSchema) })),
  switches: z.array(z.strictObject({ name: nameSchema, active: z.boolean(), note: noteSchema })),
  samples: z.array(z.strictObject({ name: nameSchema, percent: percentSchema, note: noteSchema })),
});

/** The answer to an import: how many objects it created, updated and left alone. */
export const importSummarySchema = z.strictObject({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

export type FlagStateDump = z.infer<typeof flagStateDumpSchema>;
export type ImportSummary = z.infer<typeof importSummarySchema>;
