import { z } from 'zod';

export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .regex(/^[\w.@+-]{1,150}$/, 'Use 1-150 characters: letters, digits and @ . + - _.');

/** Group names, as in Django: 1-150 characters. */
export const groupNameSchema = z
  .string({ error: 'Enter a name.' })
  .min(1, 'Enter a name.')
  .max(150, 'Use at most 150 characters.');

const userFields = {
  password: z.string().min(8, 'Use at least 8 characters.').max(200),
  email: z.email('Enter a valid email address.').nullable(),
  is_staff: z.boolean(),
  is_superuser: z.boolean(),
  is_active: z.boolean(),
  groups: z.array(groupNameSchema),
  language: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,35}$/, 'Use a language code such as "en".')
    .nullable(),
};

/** `POST /api/admin/users` and `waffle-kit createsuperuser`. */
export const createUserSchema = z
  .strictObject({ username: usernameSchema, ...userFields })
  .partial()
  .required({ username: true });
export const updateUserSchema = z.strictObject(userFields).partial();
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createGroupSchema = z.strictObject({ name: groupNameSchema });
