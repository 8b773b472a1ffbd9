import { z } from 'zod';
import { customerUuidSchema } from '../flag-fields.js';
import { enterpriseCustomerSchema } from '../learner-schemas.js';
import { groupNameSchema, languageCodeSchema, usernameSchema, uuidSchema } from '../rules.js';
import { listResponseSchema, versionSchema } from './list.js';

const userId = z.number().int().positive();

/** The logged-in user: `GET /api/auth/me`'s and the login answer's `user`. */
export const sessionUserSchema = z.strictObject({
  id: userId,
  username: usernameSchema,
  is_staff: z.boolean(),
  is_superuser: z.boolean(),
  language: languageCodeSchema.nullable(),
  groups: z.array(groupNameSchema),
  /** Customers the user is an active, linked member of. */
  linked_enterprise_customer_uuids: z.array(customerUuidSchema),
});

/** `GET /api/auth/me` (401 without a session). */
export const meResponseSchema = z.strictObject({ user: sessionUserSchema });

/** `POST /api/auth/login {username, password}`. */
export const loginResponseSchema = z.strictObject({ user: sessionUserSchema.nullable() });

/** `POST /api/auth/login`'s body. */
export const loginBodySchema = z.strictObject({ username: z.string(), password: z.string() });

/** A user as the admin API shows it (never the password hash). */
export const adminUserSchema = z.strictObject({
  id: userId,
  username: usernameSchema,
  email: z.email().nullable(),
  is_staff: z.boolean(),
  is_superuser: z.boolean(),
  is_active: z.boolean(),
  language: languageCodeSchema.nullable(),
  groups: z.array(groupNameSchema),
  has_password: z.boolean(),
  version: versionSchema,
});

/** One enterprise customer a user is linked to, on the user's detail. */
export const userEnterpriseLinkSchema = z.strictObject({
  enterprise_customer_uuid: customerUuidSchema,
  active: z.boolean(),
  linked: z.boolean(),
});

/** `GET /api/admin/users/:username`: the user and their enterprise links. */
export const adminUserDetailSchema = adminUserSchema.extend({
  enterprise_links: z.array(userEnterpriseLinkSchema),
});

const userFields = {
  password: z.string().min(8, 'Use at least 8 characters.').max(200),
  email: z.email('Enter a valid email address.').nullable(),
  is_staff: z.boolean(),
  is_superuser: z.boolean(),
  is_active: z.boolean(),
  groups: z.array(groupNameSchema),
  language: languageCodeSchema.nullable(),
};

/** `POST /api/admin/users` and `waffle-kit createsuperuser`. */
export const createUserBodySchema = z
  .strictObject({ username: usernameSchema, ...userFields })
  .partial()
  .required({ username: true });

/** `PATCH /api/admin/users/:username`. */
export const updateUserBodySchema = z.strictObject(userFields).partial();

/** `/api/admin/groups`. */
export const groupSchema = z.strictObject({ name: groupNameSchema, version: versionSchema });
export const createGroupBodySchema = z.strictObject({ name: groupNameSchema });

/** `/api/admin/enterprise-customers`: the learner endpoints' customer, with its `version`. */
export const adminEnterpriseCustomerSchema = enterpriseCustomerSchema.extend({ version: versionSchema });

/** `POST /api/admin/enterprise-customers`: the uuid is generated when not given. */
export const createEnterpriseCustomerBodySchema = z.strictObject({
  uuid: uuidSchema.optional(),
  slug: z
    .string({ error: 'Enter a slug.' })
    .regex(/^[a-z0-9-]{1,255}$/, 'Use lower-case letters, digits and "-".'),
  name: z.string({ error: 'Enter a name.' }).min(1, 'Enter a name.').max(255),
  active: z.boolean().optional(),
});

/** A learner of an enterprise customer (an enterprise customer user), by username. */
export const linkedLearnerSchema = z.strictObject({
  /** null: the link's user is gone. */
  username: usernameSchema.nullable(),
  active: z.boolean(),
  linked: z.boolean(),
});

/** `POST /api/admin/enterprise-customers/:uuid/learners`: links (or re-links) a user. */
export const linkLearnerBodySchema = z.strictObject({
  username: usernameSchema,
  active: z.boolean().optional(),
  linked: z.boolean().optional(),
});

export const adminUserListResponseSchema = listResponseSchema(adminUserSchema);
export const groupListResponseSchema = listResponseSchema(groupSchema);
export const adminEnterpriseCustomerListResponseSchema = listResponseSchema(adminEnterpriseCustomerSchema);
export const linkedLearnerListResponseSchema = listResponseSchema(linkedLearnerSchema);

export type SessionUser = z.infer<typeof sessionUserSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;
export type UserEnterpriseLink = z.infer<typeof userEnterpriseLinkSchema>;
export type CreateUserBody = z.input<typeof createUserBodySchema>;
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;
export type Group = z.infer<typeof groupSchema>;
export type AdminEnterpriseCustomer = z.infer<typeof adminEnterpriseCustomerSchema>;
export type CreateEnterpriseCustomerBody = z.input<typeof createEnterpriseCustomerBodySchema>;
export type LinkedLearner = z.infer<typeof linkedLearnerSchema>;
export type LinkLearnerBody = z.input<typeof linkLearnerBodySchema>;
