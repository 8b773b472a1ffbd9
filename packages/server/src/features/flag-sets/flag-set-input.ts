import { nameSchema, noteSchema } from '@waffle-kit/contract';
import { z } from 'zod';

const flagSetFields = { note: noteSchema };

/** A flag set to create: a name (the flag name rules) and optionally a note. */
export const createFlagSetSchema = z
  .strictObject({ name: nameSchema, ...flagSetFields })
  .partial()
  .required({ name: true });
export const updateFlagSetSchema = z.strictObject(flagSetFields).partial();
export type FlagSetInput = z.infer<typeof updateFlagSetSchema>;
