import type {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
} from '@waffle-kit/contract';
import type { CustomerRow, EnrollmentRow, LinkRow } from './learner-store.js';

// The learner endpoints' JSON is the contract's: a drift from it is a compile error here.

export function enterpriseCustomerJson(customer: CustomerRow): EnterpriseCustomer {
  return { uuid: customer.uuid, slug: customer.slug, name: customer.name, active: customer.active };
}

export function enterpriseCustomerUserJson(link: LinkRow, username: string): EnterpriseCustomerUser {
  return {
    id: link.id,
    active: link.active,
    linked: link.linked,
    user_id: link.userId,
    user: { id: link.userId, username },
    enterprise_customer: link.customer ? enterpriseCustomerJson(link.customer) : null,
  };
}

export function enrollmentJson(enrollment: EnrollmentRow): EnterpriseCourseEnrollment {
  return {
    course_run_id: enrollment.courseRunId,
    display_name: enrollment.displayName,
    org_name: enrollment.orgName,
    course_run_status: enrollment.courseRunStatus,
    created: enrollment.createdAt.toISOString(),
  };
}
