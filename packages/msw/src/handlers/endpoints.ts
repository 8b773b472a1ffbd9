import { API_PATHS } from '@waffle-kit/contract/routes';

/** The paths of the endpoints that carry flags (DESIGN.md, "Responses that carry flags"). */
export const ENDPOINTS = {
  enterpriseLearner: API_PATHS.enterpriseLearner,
  learnerDashboard: API_PATHS.learnerDashboard,
  waffleStatus: API_PATHS.waffleStatus,
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

/**
 * The MSW path for an endpoint: `'*'` (default) matches any origin, `''` the page's origin (in
 * the browser), anything else is an origin such as `http://localhost:3000`.
 */
export function endpointUrl(path: string, baseUrl = '*'): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
