import { z } from 'zod';
import { nameSchema, noteSchema } from '../flags/flag-input.js';

const flagSetFields = { note: noteSchema };

/** A flag set to create: a name (the flag name rules) and optionally a note. */
export const createFlagSetSchema = z
  .strictObject({ name: nameSchema, ...flagSetFields })
  .partial()
  .required({ name: true });
export const updateFlagSetSchema = z.strictObject(flagSetFields).partial();
export type FlagSetInput = z.infer<typeof updateFlagSetSchema>;
