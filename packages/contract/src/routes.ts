// The HTTP API's paths (DESIGN.md), once: the server registers them, the fetch clients and the MSW
// handlers call them. No zod here, so an app bundle that needs a path gets no schema with it.

/**
 * Every path, as an Express and MSW pattern: `:name`, `:uuid` and `:username` are URL-encoded
 * parameters ({@link pathTo} fills them).
 */
export const API_PATHS = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',

  enterpriseLearner: '/enterprise/api/v1/enterprise-learner/',
  learnerDashboard: '/api/v1/bffs/learner/dashboard/',
  waffleStatus: '/waffle_status',

  flags: '/api/admin/flags',
  flagsBulk: '/api/admin/flags/bulk',
  flag: '/api/admin/flags/:name',
  flagEnterprisePercentage: '/api/admin/flags/:name/enterprise-percentages/:uuid',
  flagExplain: '/api/admin/flags/:name/explain',
  switches: '/api/admin/switches',
  switch: '/api/admin/switches/:name',
  samples: '/api/admin/samples',
  sample: '/api/admin/samples/:name',
  flagSets: '/api/admin/flag-sets',
  flagSet: '/api/admin/flag-sets/:name',
  users: '/api/admin/users',
  user: '/api/admin/users/:username',
  groups: '/api/admin/groups',
  enterpriseCustomers: '/api/admin/enterprise-customers',
  enterpriseCustomerLearners: '/api/admin/enterprise-customers/:uuid/learners',
  enterpriseCustomerLearner: '/api/admin/enterprise-customers/:uuid/learners/:username',
  audit: '/api/admin/audit',
  export: '/api/admin/export',
  import: '/api/admin/import',
} as const;

export type ApiPath = (typeof API_PATHS)[keyof typeof API_PATHS];

/** Where the server mounts its auth and admin routers (their routes are below these). */
export const AUTH_PREFIX = '/api/auth';
export const ADMIN_PREFIX = '/api/admin';

type ParamsOf<Path extends string> = Path extends `${string}:${infer Param}/${infer Rest}`
  ? Param | ParamsOf<`/${Rest}`>
  : Path extends `${string}:${infer Param}`
    ? Param
    : never;

/**
 * The path with its parameters filled in, each URL-encoded (flag names may hold dots; anything
 * else is escaped).
 *
 * @example
 * pathTo(API_PATHS.flagEnterprisePercentage, { name: 'enterprise.dashboard_v2', uuid })
 * // '/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/6d2f...'
 */
export function pathTo<Path extends ApiPath>(path: Path, params: Record<ParamsOf<Path>, string>): string {
  const values = params as Record<string, string>;
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!));
}

/**
 * The path as the router mounted at `prefix` registers it.
 *
 * @example
 * below(ADMIN_PREFIX, API_PATHS.flag) // '/flags/:name'
 */
export function below(prefix: string, path: ApiPath): string {
  if (!path.startsWith(`${prefix}/`)) {
    throw new Error(`${path} is not below ${prefix}: mount its router elsewhere or pick another prefix.`);
  }
  return path.slice(prefix.length);
}
