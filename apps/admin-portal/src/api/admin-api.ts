import { ApiError, apiRequest, resultsOf, seg } from '@waffle-kit/contract/client';
import type {
  AdminUser,
  AuditEntry,
  AuditValue,
  EnterpriseCustomer,
  EnterpriseLearner,
  Explanation,
  Flag,
  FlagDetail,
  FlagFields,
  FlagSet,
  Group,
  Sample,
  SessionUser,
  Switch,
} from './types.js';

function userOf(body: unknown): SessionUser | null {
  if (typeof body !== 'object' || body === null) return null;
  const inner = 'user' in body ? (body as { user: unknown }).user : body;
  return typeof inner === 'object' && inner !== null && 'username' in inner ? (inner as SessionUser) : null;
}

export const authApi = {
  /** The logged-in user, or null without a session. */
  async me(): Promise<SessionUser | null> {
    try {
      return userOf(await apiRequest<unknown>('GET', '/api/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async login(username: string, password: string): Promise<SessionUser | null> {
    return userOf(await apiRequest<unknown>('POST', '/api/auth/login', { body: { username, password } }));
  },
  logout: () => apiRequest<void>('POST', '/api/auth/logout'),
};

/** `POST /api/admin/flags/bulk` for set membership: each flag keeps its other sets. */
export interface FlagSetBulk {
  action: 'add_to_set' | 'remove_from_set';
  names: string[];
  set: string;
}

export const flagsApi = {
  /** `set`: only that set's flags (the server answers 404 for a set that does not exist). */
  list: async (search = '', set = '') =>
    resultsOf<Flag>(await apiRequest('GET', '/api/admin/flags', { query: { search, set } })),
  bulk: (body: FlagSetBulk) =>
    apiRequest<{ action: string; count: number }>('POST', '/api/admin/flags/bulk', { body }),
  get: (name: string) => apiRequest<FlagDetail>('GET', `/api/admin/flags/${seg(name)}`),
  create: (fields: FlagFields) => apiRequest<Flag>('POST', '/api/admin/flags', { body: fields }),
  update: (name: string, version: number, patch: Partial<FlagFields>) =>
    apiRequest<Flag>('PATCH', `/api/admin/flags/${seg(name)}`, { body: patch, ifMatch: version }),
  remove: (name: string) => apiRequest<void>('DELETE', `/api/admin/flags/${seg(name)}`),
  setEnterprisePercent: (name: string, uuid: string, percent: number) =>
    apiRequest<unknown>('PUT', `/api/admin/flags/${seg(name)}/enterprise-percentages/${seg(uuid)}`, {
      body: { percent },
    }),
  removeEnterprisePercent: (name: string, uuid: string) =>
    apiRequest<void>('DELETE', `/api/admin/flags/${seg(name)}/enterprise-percentages/${seg(uuid)}`),
  explain: (name: string, username: string, enterpriseCustomerUuid?: string) =>
    apiRequest<Explanation>('GET', `/api/admin/flags/${seg(name)}/explain`, {
      query: { username, enterprise_customer_uuid: enterpriseCustomerUuid },
    }),
};

/** Switches, samples and flag sets share the flags' verbs on their own collection. */
function namedResource<T extends { name: string; version?: number }, F>(collection: string) {
  const base = `/api/admin/${collection}`;
  return {
    list: async (search = '') => resultsOf<T>(await apiRequest('GET', base, { query: { search } })),
    create: (fields: F) => apiRequest<T>('POST', base, { body: fields }),
    update: (name: string, version: number | undefined, patch: Partial<F>) =>
      apiRequest<T>('PATCH', `${base}/${seg(name)}`, { body: patch, ifMatch: version }),
    remove: (name: string) => apiRequest<void>('DELETE', `${base}/${seg(name)}`),
  };
}

export const switchesApi = namedResource<Switch, { name: string; active: boolean; note: string }>('switches');
export const samplesApi = namedResource<Sample, { name: string; percent: number; note: string }>('samples');
export const flagSetsApi = namedResource<FlagSet, { name: string; note: string }>('flag-sets');

export const directoryApi = {
  users: async () => resultsOf<AdminUser>(await apiRequest('GET', '/api/admin/users')),
  groups: async () => resultsOf<Group>(await apiRequest('GET', '/api/admin/groups')),
};

export const enterprisesApi = {
  list: async () => resultsOf<EnterpriseCustomer>(await apiRequest('GET', '/api/admin/enterprise-customers')),
  create: (fields: { uuid?: string; slug: string; name: string; active: boolean }) =>
    apiRequest<EnterpriseCustomer>('POST', '/api/admin/enterprise-customers', { body: fields }),
  learners: async (uuid: string) =>
    resultsOf<EnterpriseLearner>(
      await apiRequest('GET', `/api/admin/enterprise-customers/${seg(uuid)}/learners`),
    ),
  link: (uuid: string, learner: EnterpriseLearner) =>
    apiRequest<EnterpriseLearner>('POST', `/api/admin/enterprise-customers/${seg(uuid)}/learners`, {
      body: learner,
    }),
  unlink: (uuid: string, username: string) =>
    apiRequest<void>('DELETE', `/api/admin/enterprise-customers/${seg(uuid)}/learners/${seg(username)}`),
};

function auditValue(value: unknown): AuditValue {
  if (typeof value === 'string') {
    try {
      return auditValue(JSON.parse(value));
    } catch {
      return { value };
    }
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** Audit rows as the page shows them, whatever spelling of the time the server uses. */
function auditEntry(raw: Record<string, unknown>): AuditEntry {
  return {
    id: (raw.id as number | string) ?? '',
    actor: (raw.actor ?? raw.user ?? raw.username ?? null) as string | null,
    action: String(raw.action ?? ''),
    object_type: String(raw.object_type ?? ''),
    object_name: String(raw.object_name ?? ''),
    before: auditValue(raw.before),
    after: auditValue(raw.after),
    created: String(raw.created ?? raw.created_at ?? raw.at ?? ''),
  };
}

export const auditApi = {
  list: async (filter: { objectType?: string; objectName?: string }) =>
    resultsOf<Record<string, unknown>>(
      await apiRequest('GET', '/api/admin/audit', {
        query: { object_type: filter.objectType, object_name: filter.objectName },
      }),
    ).map(auditEntry),
};

/** Query keys, in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  flags: (search = '', set = '') => ['flags', 'list', search, set] as const,
  allFlags: ['flags'] as const,
  flag: (name: string) => ['flags', 'detail', name] as const,
  switches: ['switches'] as const,
  samples: ['samples'] as const,
  flagSets: ['flag-sets'] as const,
  users: ['users'] as const,
  groups: ['groups'] as const,
  enterprises: ['enterprise-customers'] as const,
  learners: (uuid: string) => ['enterprise-customers', uuid, 'learners'] as const,
  audit: (objectType = '', objectName = '') => ['audit', objectType, objectName] as const,
};
