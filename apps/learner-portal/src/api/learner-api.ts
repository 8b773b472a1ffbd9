import { ApiError, apiRequest } from './http.js';

/** `GET /api/auth/me`'s `user`. */
export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly is_staff: boolean;
  readonly is_superuser: boolean;
  readonly language: string | null;
  readonly groups: readonly string[];
  readonly linked_enterprise_customer_uuids: readonly string[];
}

export interface EnterpriseCustomer {
  readonly uuid: string;
  readonly slug: string;
  readonly name: string;
  readonly active?: boolean;
}

/** One enterprise customer user row: the learner's link to a customer. */
export interface EnterpriseCustomerUserLink {
  readonly id?: number;
  readonly active: boolean;
  readonly linked?: boolean;
  readonly enterprise_customer: EnterpriseCustomer | null;
}

/** `GET /enterprise/api/v1/enterprise-learner/` (flags fields are read by the SDK, not here). */
export interface EnterpriseLearnerPage {
  readonly count: number;
  readonly results: readonly EnterpriseCustomerUserLink[];
}

export interface Enrollment {
  readonly course_run_id: string;
  readonly display_name: string;
  readonly org_name?: string | null;
  readonly course_run_status: string;
  readonly created?: string;
}

/** `POST /api/v1/bffs/learner/dashboard/`. */
export interface LearnerDashboard {
  readonly enterprise_customer: EnterpriseCustomer | null;
  readonly all_linked_enterprise_customer_users: readonly EnterpriseCustomerUserLink[];
  readonly active_enterprise_customer: EnterpriseCustomer | null;
  readonly enterprise_course_enrollments: readonly Enrollment[];
  readonly errors: readonly unknown[];
  readonly warnings: readonly unknown[];
}

export const queryKeys = {
  me: ['me'] as const,
  enterpriseLearner: (username: string) => ['enterprise-learner', username] as const,
  dashboard: (username: string, slug: string) => ['learner-dashboard', username, slug] as const,
};

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<SessionUser | null> {
  try {
    const body = await apiRequest<{ user: SessionUser | null }>('GET', '/api/auth/me');
    return body?.user ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const body = await apiRequest<{ user: SessionUser | null }>('POST', '/api/auth/login', {
    username,
    password,
  });
  if (!body?.user) throw new ApiError(500, { code: 'no_user', message: 'The server signed nobody in.' });
  return body.user;
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/logout');
}

export function fetchEnterpriseLearner(): Promise<EnterpriseLearnerPage> {
  return apiRequest<EnterpriseLearnerPage>('GET', '/enterprise/api/v1/enterprise-learner/?page_size=100');
}

export function fetchDashboard(slug: string): Promise<LearnerDashboard> {
  return apiRequest<LearnerDashboard>('POST', '/api/v1/bffs/learner/dashboard/', {
    enterprise_customer_slug: slug,
  });
}

/** The active, linked customers of a learner's links, in the server's order. */
export function linkedEnterprises(page: EnterpriseLearnerPage | undefined): EnterpriseCustomer[] {
  return (page?.results ?? [])
    .filter((link) => link.active && link.linked !== false && link.enterprise_customer)
    .map((link) => link.enterprise_customer!);
}
