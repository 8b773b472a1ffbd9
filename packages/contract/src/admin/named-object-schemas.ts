import { z } from 'zod';
import { nameSchema, noteSchema, percentSchema } from '../rules.js';
import { listResponseSchema, timestampSchema, versionSchema } from './list.js';

const stored = { created: timestampSchema, modified: timestampSchema, version: versionSchema };

/** `/api/admin/switches[/:name]`: on or off for everybody. */
export const switchSchema = z.strictObject({
  name: nameSchema,
  active: z.boolean(),
  note: noteSchema,
  ...stored,
});

/** `/api/admin/samples[/:name]`: on for `percent`% of evaluations. */
export const sampleSchema = z.strictObject({
  name: nameSchema,
  percent: percentSchema,
  note: noteSchema,
  ...stored,
});

/** `/api/admin/flag-sets[/:name]`; its flags are listed by `GET /api/admin/flags?set=<name>`. */
export const flagSetSchema = z.strictObject({ name: nameSchema, note: noteSchema, ...stored });

export const switchListResponseSchema = listResponseSchema(switchSchema);
export const sampleListResponseSchema = listResponseSchema(sampleSchema);
export const flagSetListResponseSchema = listResponseSchema(flagSetSchema);

const switchFields = { active: z.boolean(), note: noteSchema };
const sampleFields = { percent: percentSchema, note: noteSchema };
const flagSetFields = { note: noteSchema };

/** `POST /api/admin/switches`: a name, optionally `active` and `note`. */
export const createSwitchBodySchema = z
  .strictObject({ name: nameSchema, ...switchFields })
  .partial()
  .required({ name: true });
export const updateSwitchBodySchema = z.strictObject(switchFields).partial();

/** `POST /api/admin/samples`: a name and its percent, optionally a note. */
export const createSampleBodySchema = z
  .strictObject({ name: nameSchema, ...sampleFields })
  .partial({ note: true });
export const updateSampleBodySchema = z.strictObject(sampleFields).partial();

/** `POST /api/admin/flag-sets`: a name (the flag name rules) and optionally a note. */
export const createFlagSetBodySchema = z
  .strictObject({ name: nameSchema, ...flagSetFields })
  .partial()
  .required({ name: true });
export const updateFlagSetBodySchema = z.strictObject(flagSetFields).partial();

export type Switch = z.infer<typeof switchSchema>;
export type Sample = z.infer<typeof sampleSchema>;
export type FlagSet = z.infer<typeof flagSetSchema>;
export type CreateSwitchBody = z.input<typeof createSwitchBodySchema>;
export type UpdateSwitchBody = z.input<typeof updateSwitchBodySchema>;
export type CreateSampleBody = z.input<typeof createSampleBodySchema>;
export type UpdateSampleBody = z.input<typeof updateSampleBodySchema>;
export type CreateFlagSetBody = z.input<typeof createFlagSetBodySchema>;
export type UpdateFlagSetBody = z.input<typeof updateFlagSetBodySchema>;
