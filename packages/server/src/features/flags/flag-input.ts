import {
  createFlagBodySchema,
  enterprisePercentageInputSchema,
  setEnterprisePercentageBodySchema,
  updateFlagBodySchema,
} from '@waffle-kit/contract';
import type { z } from 'zod';

// The flag inputs are the contract's request bodies: the admin API, the CLI, import and the
// admin page check the same rules.

export const enterprisePercentageSchema = enterprisePercentageInputSchema;

/** `POST /api/admin/flags` and `waffle-kit flag NAME --create`: a name and any fields. */
export const createFlagSchema = createFlagBodySchema;

/** `PATCH /api/admin/flags/:name`: fields not given stay as they are. */
export const updateFlagSchema = updateFlagBodySchema;

export const setEnterprisePercentageSchema = setEnterprisePercentageBodySchema;

export type CreateFlagInput = z.infer<typeof createFlagSchema>;
export type UpdateFlagInput = z.infer<typeof updateFlagSchema>;
