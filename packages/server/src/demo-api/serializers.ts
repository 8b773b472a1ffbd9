import type { CustomerRow, EnrollmentRow, LinkRow } from './learner-store.js';

export interface EnterpriseCustomerJson {
  uuid: string;
  slug: string;
  name: string;
  active: boolean;
}

export function enterpriseCustomerJson(customer: CustomerRow): EnterpriseCustomerJson {
  return { uuid: customer.uuid, slug: customer.slug, name: customer.name, active: customer.active };
}

export function enterpriseCustomerUserJson(link: LinkRow, username: string) {
  return {
    id: link.id,
    active: link.active,
    linked: link.linked,
    user_id: link.userId,
    user: { id: link.userId, username },
    enterprise_customer: link.customer ? enterpriseCustomerJson(link.customer) : null,
  };
}

export function enrollmentJson(enrollment: EnrollmentRow) {
  return {
    course_run_id: enrollment.courseRunId,
    display_name: enrollment.displayName,
    org_name: enrollment.orgName,
    course_run_status: enrollment.courseRunStatus,
    created: enrollment.createdAt.toISOString(),
  };
}
