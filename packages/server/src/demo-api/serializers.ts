import type {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
} from '../db/models/index.js';

export interface EnterpriseCustomerJson {
  uuid: string;
  slug: string;
  name: string;
  active: boolean;
}

export function enterpriseCustomerJson(customer: EnterpriseCustomer): EnterpriseCustomerJson {
  return { uuid: customer.uuid, slug: customer.slug, name: customer.name, active: Boolean(customer.active) };
}

export function enterpriseCustomerUserJson(link: EnterpriseCustomerUser, username: string) {
  return {
    id: Number(link.id),
    active: Boolean(link.active),
    linked: Boolean(link.linked),
    user_id: link.userId,
    user: { id: link.userId, username },
    enterprise_customer: link.enterpriseCustomer ? enterpriseCustomerJson(link.enterpriseCustomer) : null,
  };
}

export function enrollmentJson(enrollment: EnterpriseCourseEnrollment) {
  return {
    course_run_id: enrollment.courseRunId,
    display_name: enrollment.displayName,
    org_name: enrollment.orgName,
    course_run_status: enrollment.courseRunStatus,
    created: enrollment.createdAt.toISOString(),
  };
}
