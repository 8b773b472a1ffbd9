import {
  type ErrorResponse,
  errorResponseSchema,
  learnerDashboardResponseSchema,
} from '@waffle-kit/contract';
import { DEMO_CUSTOMERS } from '@waffle-kit/contract/demo';

// A dashboard body as the server sends it for Acme: the flags are evaluated for that customer.
const body = {
  enterprise_customer: { ...DEMO_CUSTOMERS.acme, active: true },
  all_linked_enterprise_customer_users: [],
  active_enterprise_customer: { ...DEMO_CUSTOMERS.acme, active: true },
  enterprise_course_enrollments: [],
  errors: [],
  warnings: [],
  enterprise_features: { 'enterprise.dashboard_v2': true },
  enterprise_features_meta: {
    version: 42,
    evaluated_at: 1763700000500,
    username: 'alice',
    enterprise_customer_uuid: DEMO_CUSTOMERS.acme.uuid,
  },
  waffle_switches: {},
};

export const dashboard = learnerDashboardResponseSchema.safeParse(body);
// dashboard.success === true

// The same body with the flags of another customer is drift, and fails.
export const drifted = learnerDashboardResponseSchema.safeParse({
  ...body,
  enterprise_features_meta: {
    ...body.enterprise_features_meta,
    enterprise_customer_uuid: DEMO_CUSTOMERS.cedar.uuid,
  },
});
// drifted.success === false

export const notFound: ErrorResponse = errorResponseSchema.parse({
  error: { code: 'not_found', message: 'Not found.' },
});
