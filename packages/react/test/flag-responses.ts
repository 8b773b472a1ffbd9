import type { FlagMeta, FlagValues } from '../src/index.js';

export const API = 'http://localhost/enterprise/api/v1/enterprise-learner/';
export const BFF = 'http://localhost/api/v1/bffs/learner/dashboard/';
export const WAFFLE_STATUS = 'http://localhost/waffle_status';

export const ACME = '11111111-1111-4111-8111-111111111111';
export const GLOBEX = '22222222-2222-4222-8222-222222222222';

/** `enterprise_features_meta` with sensible defaults. */
export function meta(overrides: Partial<FlagMeta> = {}): FlagMeta {
  return { version: 1, evaluated_at: 1_000, username: 'alice', enterprise_customer_uuid: null, ...overrides };
}

/** An enterprise-learner page (DESIGN.md) carrying flags. */
export function learnerPage(
  features: FlagValues,
  options: { meta?: FlagMeta | null; byCustomer?: Record<string, FlagValues> } = {},
) {
  return {
    count: 1,
    next: null,
    previous: null,
    num_pages: 1,
    current_page: 1,
    start: 0,
    results: [{ enterprise_customer: { uuid: ACME, slug: 'acme', name: 'Acme' }, active: true }],
    enterprise_features: features,
    enterprise_features_by_customer: options.byCustomer ?? {},
    ...(options.meta === null ? {} : { enterprise_features_meta: options.meta ?? meta() }),
  };
}

/** A learner dashboard BFF body evaluated for one customer. */
export function dashboard(customer: string, features: FlagValues, username: string | null = 'alice') {
  return {
    enterprise_customer: { uuid: customer },
    all_linked_enterprise_customer_users: [],
    active_enterprise_customer: { uuid: customer },
    enterprise_course_enrollments: [],
    errors: [],
    warnings: [],
    enterprise_features: features,
    enterprise_features_meta: meta({ username, enterprise_customer_uuid: customer }),
  };
}

/** A `/waffle_status` body. */
export function waffleStatus(flags: FlagValues, switches: FlagValues, samples: FlagValues = {}) {
  const wrap = (values: FlagValues) =>
    Object.fromEntries(
      Object.entries(values).map(([name, is_active]) => [name, { is_active, last_modified: null }]),
    );
  return { flags: wrap(flags), switches: wrap(switches), samples: wrap(samples) };
}
