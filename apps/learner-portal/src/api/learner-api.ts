import type {
  EnterpriseCustomer,
  EnterpriseLearnerResponse,
  LearnerDashboardResponse,
  LoginResponse,
  MeResponse,
  SessionUser,
} from '@waffle-kit/contract';
import { ApiError, apiRequest } from '@waffle-kit/contract/client';
import { API_PATHS } from '@waffle-kit/contract/routes';

// The wire shapes are the contract's (`import type`: no zod in the bundle); these names are the
// portal's for them.
export type {
  EnterpriseCourseEnrollment as Enrollment,
  EnterpriseCustomerUser as EnterpriseCustomerUserLink,
  EnterpriseLearnerResponse as EnterpriseLearnerPage,
  LearnerDashboardResponse as LearnerDashboard,
} from '@waffle-kit/contract';
export type { EnterpriseCustomer, SessionUser };

export const queryKeys = {
  me: ['me'] as const,
  enterpriseLearner: (username: string) => ['enterprise-learner', username] as const,
  dashboard: (username: string, slug: string) => ['learner-dashboard', username, slug] as const,
};

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<SessionUser | null> {
  try {
    const body = await apiRequest<MeResponse>('GET', API_PATHS.me);
    return body?.user ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const body = await apiRequest<LoginResponse>('POST', API_PATHS.login, {
    body: { username, password },
  });
  if (!body?.user) throw new ApiError(500, { code: 'http_error', message: 'The server signed nobody in.' });
  return body.user;
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', API_PATHS.logout);
}

export function fetchEnterpriseLearner(): Promise<EnterpriseLearnerResponse> {
  return apiRequest<EnterpriseLearnerResponse>('GET', API_PATHS.enterpriseLearner, {
    query: { page_size: '100' },
  });
}

export function fetchDashboard(slug: string): Promise<LearnerDashboardResponse> {
  return apiRequest<LearnerDashboardResponse>('POST', API_PATHS.learnerDashboard, {
    body: { enterprise_customer_slug: slug },
  });
}

/** The active, linked customers of a learner's links, in the server's order. */
export function linkedEnterprises(page: EnterpriseLearnerResponse | undefined): EnterpriseCustomer[] {
  return (page?.results ?? [])
    .filter((link) => link.active && link.linked !== false && link.enterprise_customer)
    .map((link) => link.enterprise_customer!);
}
