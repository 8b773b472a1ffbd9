import { createEnterpriseCustomerBodySchema, linkLearnerBodySchema } from '@waffle-kit/contract';
import type { z } from 'zod';

/** `POST /api/admin/enterprise-customers` (the contract's body): the uuid is generated when not given. */
export const createEnterpriseCustomerSchema = createEnterpriseCustomerBodySchema;

/** `POST /api/admin/enterprise-customers/:uuid/learners`: links (or re-links) a user. */
export const linkLearnerSchema = linkLearnerBodySchema;

export type CreateEnterpriseCustomerInput = z.infer<typeof createEnterpriseCustomerSchema>;
export type LinkLearnerInput = z.infer<typeof linkLearnerSchema>;
