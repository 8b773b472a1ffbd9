import { nameSchema, noteSchema } from '@waffle-kit/contract';
import { z } from 'zod';

const switchFields = { active: z.boolean(), note: noteSchema };

/** A switch to create: a name, optionally `active` and `note`. */
export const createSwitchSchema = z
  .strictObject({ name: nameSchema, ...switchFields })
  .partial()
  .required({ name: true });
export const updateSwitchSchema = z.strictObject(switchFields).partial();
export type SwitchInput = z.infer<typeof updateSwitchSchema>;
