import { createSwitchBodySchema, updateSwitchBodySchema } from '@waffle-kit/contract';
import type { z } from 'zod';

/** A switch to create (the contract's body): a name, optionally `active` and `note`. */
export const createSwitchSchema = createSwitchBodySchema;
export const updateSwitchSchema = updateSwitchBodySchema;
export type SwitchInput = z.infer<typeof updateSwitchSchema>;
