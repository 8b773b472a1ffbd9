import { createSampleBodySchema, updateSampleBodySchema } from '@waffle-kit/contract';
import type { z } from 'zod';

/** A sample to create (the contract's body): a name and its percent, optionally a note. */
export const createSampleSchema = createSampleBodySchema;
export const updateSampleSchema = updateSampleBodySchema;
export type SampleInput = z.infer<typeof updateSampleSchema>;
