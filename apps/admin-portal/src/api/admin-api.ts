import type {
  CreateEnterpriseCustomerBody,
  CreateFlagSetBody,
  CreateSampleBody,
  CreateSwitchBody,
  FlagBulkBody,
  FlagBulkResponse,
} from '@waffle-kit/contract';
import { ApiError, apiRequest, resultsOf } from '@waffle-kit/contract/client';
import { API_PATHS, type ApiPath, pathTo } from '@waffle-kit/contract/routes';
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
  LinkLearnerBody,
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
      return userOf(await apiRequest<unknown>('GET', API_PATHS.me));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async login(username: string, password: string): Promise<SessionUser | null> {
    return userOf(await apiRequest<unknown>('POST', API_PATHS.login, { body: { username, password } }));
  },
  logout: () => apiRequest<void>('POST', API_PATHS.logout),
};

const flagPath = (name: string) => pathTo(API_PATHS.flag, { name });
const percentagePath = (name: string, uuid: string) =>
  pathTo(API_PATHS.flagEnterprisePercentage, { name, uuid });

/** `POST /api/admin/flags/bulk` for set membership: each flag keeps its other sets. */
export type FlagSetBulk = Extract<FlagBulkBody, { set: string }>;

export const flagsApi = {
  /** `set`: only that set's flags (the server answers 404 for a set that does not exist). */
  list: async (search = '', set = '') =>
    resultsOf<Flag>(await apiRequest('GET', API_PATHS.flags, { query: { search, set } })),
  bulk: (body: FlagSetBulk) => apiRequest<FlagBulkResponse>('POST', API_PATHS.flagsBulk, { body }),
  get: (name: string) => apiRequest<FlagDetail>('GET', flagPath(name)),
  create: (fields: FlagFields) => apiRequest<Flag>('POST', API_PATHS.flags, { body: fields }),
  update: (name: string, version: number, patch: Partial<FlagFields>) =>
    apiRequest<Flag>('PATCH', flagPath(name), { body: patch, ifMatch: version }),
  remove: (name: string) => apiRequest<void>('DELETE', flagPath(name)),
  setEnterprisePercent: (name: string, uuid: string, percent: number) =>
    apiRequest<Flag>('PUT', percentagePath(name, uuid), { body: { percent } }),
  removeEnterprisePercent: (name: string, uuid: string) =>
    apiRequest<Flag>('DELETE', percentagePath(name, uuid)),
  explain: (name: string, username: string, enterpriseCustomerUuid?: string) =>
    apiRequest<Explanation>('GET', pathTo(API_PATHS.flagExplain, { name }), {
      query: { username, enterprise_customer_uuid: enterpriseCustomerUuid },
    }),
};

/** Switches, samples and flag sets share the flags' verbs on their own collection. */
function namedResource<T extends { name: string; version?: number }, F>(
  collection: ApiPath,
  item: typeof API_PATHS.switch | typeof API_PATHS.sample | typeof API_PATHS.flagSet,
) {
  const itemPath = (name: string) => pathTo(item, { name });
  return {
    list: async (search = '') => resultsOf<T>(await apiRequest('GET', collection, { query: { search } })),
    create: (fields: F) => apiRequest<T>('POST', collection, { body: fields }),
    update: (name: string, version: number | undefined, patch: Partial<F>) =>
      apiRequest<T>('PATCH', itemPath(name), { body: patch, ifMatch: version }),
    remove: (name: string) => apiRequest<void>('DELETE', itemPath(name)),
  };
}

export const switchesApi = namedResource<Switch, CreateSwitchBody>(API_PATHS.switches, API_PATHS.switch);
export const samplesApi = namedResource<Sample, CreateSampleBody>(API_PATHS.samples, API_PATHS.sample);
export const flagSetsApi = namedResource<FlagSet, CreateFlagSetBody>(API_PATHS.flagSets, API_PATHS.flagSet);

export const directoryApi = {
  users: async () => resultsOf<AdminUser>(await apiRequest('GET', API_PATHS.users)),
  groups: async () => resultsOf<Group>(await apiRequest('GET', API_PATHS.groups)),
};

const learnersPath = (uuid: string) => pathTo(API_PATHS.enterpriseCustomerLearners, { uuid });

export const enterprisesApi = {
  list: async () => resultsOf<EnterpriseCustomer>(await apiRequest('GET', API_PATHS.enterpriseCustomers)),
  create: (fields: CreateEnterpriseCustomerBody) =>
    apiRequest<EnterpriseCustomer>('POST', API_PATHS.enterpriseCustomers, { body: fields }),
  learners: async (uuid: string) => resultsOf<EnterpriseLearner>(await apiRequest('GET', learnersPath(uuid))),
  link: (uuid: string, learner: LinkLearnerBody) =>
    apiRequest<EnterpriseLearner>('POST', learnersPath(uuid), { body: learner }),
  unlink: (uuid: string, username: string) =>
    apiRequest<void>('DELETE', pathTo(API_PATHS.enterpriseCustomerLearner, { uuid, username })),
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
    id: Number(raw.id),
    actor: (raw.actor ?? raw.user ?? raw.username ?? null) as string | null,
    action: String(raw.action ?? '') as AuditEntry['action'],
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
      await apiRequest('GET', API_PATHS.audit, {
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
