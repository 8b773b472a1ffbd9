import { uuidSchema } from '@waffle-kit/contract';
import { z } from 'zod';
import { usernameSchema } from '../users/user-input.js';

/** `POST /api/admin/enterprise-customers`: the uuid is generated when not given. */
export const createEnterpriseCustomerSchema = z.strictObject({
  uuid: uuidSchema.optional(),
  slug: z
    .string({ error: 'Enter a slug.' })
    .regex(/^[a-z0-9-]{1,255}$/, 'Use lower-case letters, digits and "-".'),
  name: z.string({ error: 'Enter a name.' }).min(1, 'Enter a name.').max(255),
  active: z.boolean().optional(),
});

/** `POST /api/admin/enterprise-customers/:uuid/learners`: links (or re-links) a user. */
export const linkLearnerSchema = z.strictObject({
  username: usernameSchema,
  active: z.boolean().optional(),
  linked: z.boolean().optional(),
});

export type CreateEnterpriseCustomerInput = z.infer<typeof createEnterpriseCustomerSchema>;
export type LinkLearnerInput = z.infer<typeof linkLearnerSchema>;
