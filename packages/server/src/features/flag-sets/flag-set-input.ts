import { createFlagSetBodySchema, updateFlagSetBodySchema } from '@waffle-kit/contract';
import type { z } from 'zod';

/** A flag set to create (the contract's body): a name (the flag name rules) and optionally a note. */
export const createFlagSetSchema = createFlagSetBodySchema;
export const updateFlagSetSchema = updateFlagSetBodySchema;
export type FlagSetInput = z.infer<typeof updateFlagSetSchema>;
