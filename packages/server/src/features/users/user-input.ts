import {
  createGroupBodySchema,
  createUserBodySchema,
  groupNameSchema,
  updateUserBodySchema,
  usernameSchema,
} from '@waffle-kit/contract';
import type { z } from 'zod';

// The user and group inputs are the contract's request bodies and rules.
export { groupNameSchema, usernameSchema };

/** `POST /api/admin/users` and `waffle-kit createsuperuser`. */
export const createUserSchema = createUserBodySchema;
export const updateUserSchema = updateUserBodySchema;
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createGroupSchema = createGroupBodySchema;
