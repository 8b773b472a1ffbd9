/** The paths of the endpoints that carry flags (DESIGN.md, "Responses that carry flags"). */
export const ENDPOINTS = {
  enterpriseLearner: '/enterprise/api/v1/enterprise-learner/',
  learnerDashboard: '/api/v1/bffs/learner/dashboard/',
  waffleStatus: '/waffle_status',
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

/**
 * The MSW path for an endpoint: `'*'` (default) matches any origin, `''` the page's origin (in
 * the browser), anything else is an origin such as `http://localhost:3000`.
 */
export function endpointUrl(path: string, baseUrl = '*'): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
