import type {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  EnterpriseLearnerResponse,
  LearnerDashboardResponse,
} from '@waffle-kit/contract';
import { learnerPage } from '@waffle-kit/contract/pagination';
import type { ResolvedFixtures } from '../fixtures/fixture-types.js';
import { flagsFor } from '../fixtures/resolve-fixtures.js';
import { embeddedFlags } from './flag-fields.js';
import { errorResponse, type MockResponse, notAuthenticated, notLinked } from './mock-response.js';

type Enterprise = ResolvedFixtures['enterprises'][number];

function customerJson(enterprise: Enterprise): EnterpriseCustomer {
  return { uuid: enterprise.uuid, slug: enterprise.slug, name: enterprise.name, active: enterprise.active };
}

function linkJson(fixtures: ResolvedFixtures, index: number): EnterpriseCustomerUser {
  const enterprise = fixtures.enterprises[index]!;
  const user = fixtures.user!;
  return {
    id: enterprise.linkId,
    active: enterprise.linkActive,
    linked: true,
    user_id: user.id,
    user: { id: user.id, username: user.username },
    enterprise_customer: customerJson(enterprise),
  };
}

/**
 * `GET /enterprise/api/v1/enterprise-learner/` as the server answers it: the user's links,
 * paginated (`page`, `page_size`, `enterprise_customer_uuid`), flags evaluated globally and for
 * each listed customer whose link is active.
 */
export function enterpriseLearnerResponse(
  fixtures: ResolvedFixtures,
  url: URL,
  now = Date.now(),
): MockResponse<EnterpriseLearnerResponse> {
  const user = fixtures.user;
  if (!user) return notAuthenticated();
  const username = url.searchParams.get('username');
  if (username !== null && username !== user.username) {
    return errorResponse(403, 'permission_denied', 'You may only list your own enterprise links.');
  }
  const filter = url.searchParams.get('enterprise_customer_uuid') || null;
  if (filter && !fixtures.enterprises.some((e) => e.uuid === filter && e.linkActive)) return notLinked();

  const { page, pageSize } = learnerPage(url.searchParams.get('page'), url.searchParams.get('page_size'));
  const listed = fixtures.enterprises
    .map((_, index) => index)
    .filter((index) => !filter || fixtures.enterprises[index]!.uuid === filter);
  const rows = listed.slice((page - 1) * pageSize, page * pageSize);
  const numPages = Math.max(1, Math.ceil(listed.length / pageSize));
  const pageUrl = (target: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(target));
    return next.toString();
  };
  // One evaluation per listed customer the user is an active, linked member of (wire format).
  const customers = rows
    .map((index) => fixtures.enterprises[index]!)
    .filter((enterprise) => enterprise.linkActive)
    .map((enterprise) => enterprise.uuid);
  return {
    status: 200,
    body: {
      count: listed.length,
      next: page < numPages ? pageUrl(page + 1) : null,
      previous: page > 1 ? pageUrl(page - 1) : null,
      num_pages: numPages,
      current_page: page,
      start: (page - 1) * pageSize,
      results: rows.map((index) => linkJson(fixtures, index)),
      ...embeddedFlags(fixtures, null, now),
      enterprise_features_by_customer: Object.fromEntries(
        customers.map((uuid) => [uuid, flagsFor(fixtures, uuid)]),
      ),
    },
  };
}

function enrollmentJson(enrollment: ResolvedFixtures['enrollments'][number]): EnterpriseCourseEnrollment {
  return {
    course_run_id: enrollment.courseRunId,
    display_name: enrollment.displayName,
    org_name: enrollment.orgName,
    course_run_status: enrollment.status,
    created: enrollment.created,
  };
}

/**
 * `POST /api/v1/bffs/learner/dashboard/` `{ enterprise_customer_slug? }` as the server answers it:
 * the dashboard for that customer (default: the first active link), flags evaluated for it.
 */
export function learnerDashboardResponse(
  fixtures: ResolvedFixtures,
  requestBody: unknown,
  now = Date.now(),
): MockResponse<LearnerDashboardResponse> {
  const user = fixtures.user;
  if (!user) return notAuthenticated();
  const slug = (requestBody as Record<string, unknown> | null | undefined)?.enterprise_customer_slug;
  if (slug !== undefined && slug !== null && typeof slug !== 'string') {
    return errorResponse(400, 'validation_error', 'enterprise_customer_slug must be a string.', {
      enterprise_customer_slug: 'Must be a string.',
    });
  }
  const active = fixtures.enterprises.find((enterprise) => enterprise.linkActive);
  let customer: Enterprise | undefined;
  if (slug) {
    customer = fixtures.enterprises.find((enterprise) => enterprise.slug === slug);
    if (!customer) return errorResponse(404, 'not_found', `No enterprise customer with slug "${slug}".`);
    if (!customer.linkActive) return notLinked();
  } else {
    customer = active;
  }
  const uuid = customer?.uuid ?? null;
  return {
    status: 200,
    body: {
      enterprise_customer: customer ? customerJson(customer) : null,
      all_linked_enterprise_customer_users: fixtures.enterprises.map((_, index) => linkJson(fixtures, index)),
      active_enterprise_customer: active ? customerJson(active) : null,
      enterprise_course_enrollments: fixtures.enrollments
        .filter((enrollment) => enrollment.enterpriseUuid === uuid)
        .map(enrollmentJson),
      errors: [],
      warnings: [],
      ...embeddedFlags(fixtures, uuid, now),
    },
  };
}
