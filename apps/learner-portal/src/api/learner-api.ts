import type {
  EnterpriseCourseEnrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  EnterpriseLearnerResponse,
  LearnerDashboardResponse,
} from '@waffle-kit/contract';
import { ApiError, apiRequest } from '@waffle-kit/contract/client';

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

// The wire shapes are the contract's; these names are the portal's for them.
export type {
  EnterpriseCourseEnrollment as Enrollment,
  EnterpriseCustomer,
  EnterpriseCustomerUser as EnterpriseCustomerUserLink,
  EnterpriseLearnerResponse as EnterpriseLearnerPage,
  LearnerDashboardResponse as LearnerDashboard,
};

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
    body: { username, password },
  });
  if (!body?.user) throw new ApiError(500, { code: 'http_error', message: 'The server signed nobody in.' });
  return body.user;
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/logout');
}

export function fetchEnterpriseLearner(): Promise<EnterpriseLearnerResponse> {
  return apiRequest<EnterpriseLearnerResponse>('GET', '/enterprise/api/v1/enterprise-learner/?page_size=100');
}

export function fetchDashboard(slug: string): Promise<LearnerDashboardResponse> {
  return apiRequest<LearnerDashboardResponse>('POST', '/api/v1/bffs/learner/dashboard/', {
    body: { enterprise_customer_slug: slug },
  });
}

/** The active, linked customers of a learner's links, in the server's order. */
export function linkedEnterprises(page: EnterpriseLearnerResponse | undefined): EnterpriseCustomer[] {
  return (page?.results ?? [])
    .filter((link) => link.active && link.linked !== false && link.enterprise_customer)
    .map((link) => link.enterprise_customer!);
}
