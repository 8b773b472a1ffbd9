import { nameSchema, noteSchema, percentSchema } from '@waffle-kit/contract';
import { z } from 'zod';

const sampleFields = { percent: percentSchema, note: noteSchema };

/** A sample to create: a name and its percent, optionally a note. */
export const createSampleSchema = z
  .strictObject({ name: nameSchema, ...sampleFields })
  .partial({ note: true });
export const updateSampleSchema = z.strictObject(sampleFields).partial();
export type SampleInput = z.infer<typeof updateSampleSchema>;
