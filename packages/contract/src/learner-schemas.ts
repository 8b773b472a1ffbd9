import { z } from 'zod';
import {
  customerUuidSchema,
  enterpriseFeaturesByCustomerSchema,
  enterpriseFeaturesMetaSchema,
  enterpriseFeaturesSchema,
  waffleSwitchesSchema,
} from './flag-fields.js';

/** An enterprise customer as the learner endpoints serialize it. */
export const enterpriseCustomerSchema = z.strictObject({
  uuid: customerUuidSchema,
  slug: z.string().min(1),
  name: z.string().min(1),
  active: z.boolean(),
});

/** A user's link to an enterprise customer (edx-enterprise's enterprise customer user). */
export const enterpriseCustomerUserSchema = z.strictObject({
  id: z.number().int().positive(),
  active: z.boolean(),
  linked: z.boolean(),
  user_id: z.number().int().positive(),
  user: z.strictObject({ id: z.number().int().positive(), username: z.string().min(1) }),
  enterprise_customer: enterpriseCustomerSchema.nullable(),
});

/** One course enrollment on the learner dashboard. */
export const enterpriseCourseEnrollmentSchema = z.strictObject({
  course_run_id: z.string().min(1),
  display_name: z.string().min(1),
  org_name: z.string().nullable(),
  course_run_status: z.string().min(1),
  created: z.iso.datetime(),
});

/**
 * `GET /enterprise/api/v1/enterprise-learner/`: the user's linked enterprise customers, paginated,
 * with flags evaluated globally and for each listed customer whose link is active.
 */
export const enterpriseLearnerResponseSchema = z
  .strictObject({
    count: z.number().int().nonnegative(),
    next: z.url().nullable(),
    previous: z.url().nullable(),
    num_pages: z.number().int().positive(),
    current_page: z.number().int().positive(),
    start: z.number().int().nonnegative(),
    results: z.array(enterpriseCustomerUserSchema),
    enterprise_features: enterpriseFeaturesSchema,
    enterprise_features_by_customer: enterpriseFeaturesByCustomerSchema,
    enterprise_features_meta: enterpriseFeaturesMetaSchema,
    waffle_switches: waffleSwitchesSchema,
  })
  .superRefine((body, ctx) => {
    if (body.enterprise_features_meta.enterprise_customer_uuid !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterprise_features_meta', 'enterprise_customer_uuid'],
        message: 'enterprise_features of the learner list is the global evaluation: expected null',
      });
    }
    // One evaluation per listed customer the user is an active, linked member of, and no other.
    const members = new Set<string>();
    for (const [index, link] of body.results.entries()) {
      const uuid = link.enterprise_customer?.uuid;
      if (!uuid || !link.active || !link.linked) continue;
      members.add(uuid);
      if (!(uuid in body.enterprise_features_by_customer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['results', index, 'enterprise_customer', 'uuid'],
          message: `listed active member of ${uuid} has no entry in enterprise_features_by_customer`,
        });
      }
    }
    for (const uuid of Object.keys(body.enterprise_features_by_customer)) {
      if (!members.has(uuid)) {
        ctx.addIssue({
          code: 'custom',
          path: ['enterprise_features_by_customer', uuid],
          message: `${uuid} is not a listed customer the user is an active, linked member of`,
        });
      }
    }
  });

/** `POST /api/v1/bffs/learner/dashboard/`: the dashboard payload with flags for its customer. */
export const learnerDashboardResponseSchema = z
  .strictObject({
    enterprise_customer: enterpriseCustomerSchema.nullable(),
    all_linked_enterprise_customer_users: z.array(enterpriseCustomerUserSchema),
    active_enterprise_customer: enterpriseCustomerSchema.nullable(),
    enterprise_course_enrollments: z.array(enterpriseCourseEnrollmentSchema),
    errors: z.array(z.unknown()),
    warnings: z.array(z.unknown()),
    enterprise_features: enterpriseFeaturesSchema,
    enterprise_features_meta: enterpriseFeaturesMetaSchema,
    waffle_switches: waffleSwitchesSchema,
  })
  .superRefine((body, ctx) => {
    const expected = body.enterprise_customer?.uuid ?? null;
    if (body.enterprise_features_meta.enterprise_customer_uuid !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterprise_features_meta', 'enterprise_customer_uuid'],
        message: `flags must be evaluated for the dashboard's customer (${expected})`,
      });
    }
  });

export type EnterpriseCustomer = z.infer<typeof enterpriseCustomerSchema>;
export type EnterpriseCustomerUser = z.infer<typeof enterpriseCustomerUserSchema>;
export type EnterpriseCourseEnrollment = z.infer<typeof enterpriseCourseEnrollmentSchema>;
export type EnterpriseLearnerResponse = z.infer<typeof enterpriseLearnerResponseSchema>;
export type LearnerDashboardResponse = z.infer<typeof learnerDashboardResponseSchema>;

/** The keys the server's embedding adds to a host response (docs/wire-format.md). */
export type EmbeddedFlagKeys =
  | 'enterprise_features'
  | 'enterprise_features_by_customer'
  | 'enterprise_features_meta'
  | 'waffle_switches';

/** The learner list as its route builds it, before the embedding adds the flags. */
export type EnterpriseLearnerHostData = Omit<EnterpriseLearnerResponse, EmbeddedFlagKeys>;

/** The dashboard as its route builds it, before the embedding adds the flags. */
export type LearnerDashboardHostData = Omit<LearnerDashboardResponse, EmbeddedFlagKeys>;
