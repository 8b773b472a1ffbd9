import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type {
  AuditEntry,
  EnterpriseCustomer,
  EnterpriseLearner,
  Flag,
  FlagDetail,
  FlagSet,
  Sample,
  SessionUser,
  Switch,
} from '../api/index.js';
import {
  CREATED,
  customers,
  demoFlagSets,
  demoFlags,
  groups,
  learnerUser,
  MODIFIED,
  staffUser,
  users,
} from './fixtures.js';

// A small in-memory admin API that keeps DESIGN.md's rules: sessions, CSRF on unsafe methods,
// 401/403, If-Match versions with 409, 400 with `fields`, an audit entry per change.

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: unknown;
}

const CSRF = 'csrf-token-1';

function error(status: number, code: string, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

function freshState() {
  return {
    session: null as SessionUser | null,
    accounts: new Map<string, { user: SessionUser; password: string }>([
      ['sam', { user: staffUser, password: 'staff-pass' }],
      ['alice', { user: learnerUser, password: 'learner-pass' }],
    ]),
    flags: new Map<string, FlagDetail>(demoFlags().map((f) => [f.name, f])),
    flagSets: new Map<string, FlagSet>(demoFlagSets().map((set) => [set.name, set])),
    switches: new Map<string, Switch>([
      [
        'maintenance_banner',
        {
          name: 'maintenance_banner',
          active: false,
          note: '',
          created: CREATED,
          modified: MODIFIED,
          version: 1,
        },
      ],
    ]),
    samples: new Map<string, Sample>([
      [
        'new_search_sampling',
        {
          name: 'new_search_sampling',
          percent: 12.5,
          note: '',
          created: CREATED,
          modified: MODIFIED,
          version: 1,
        },
      ],
    ]),
    customers: [...customers] as EnterpriseCustomer[],
    learners: new Map<string, EnterpriseLearner[]>([
      [customers[0]!.uuid, [{ username: 'alice', active: true, linked: true }]],
    ]),
    audit: [] as AuditEntry[],
    requests: [] as RecordedRequest[],
  };
}

let state = freshState();
let auditId = 0;

function audit(
  action: AuditEntry['action'],
  objectType: string,
  objectName: string,
  before: unknown,
  after: unknown,
) {
  auditId += 1;
  state.audit.unshift({
    id: auditId,
    actor: state.session?.username ?? null,
    action,
    object_type: objectType,
    object_name: objectName,
    before: (before ?? null) as AuditEntry['before'],
    after: (after ?? null) as AuditEntry['after'],
    created: new Date(Date.UTC(2026, 10, 21, 9, auditId)).toISOString(),
  });
}

function validPercent(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 100 && Math.round(value * 10) === value * 10;
}

/** The flag as lists, writes and the audit log show it: its percentages without learner counts. */
function withoutCounts(flag: FlagDetail): Flag {
  return {
    ...flag,
    enterprise_percentages: flag.enterprise_percentages.map(({ enterprise_customer_uuid, percent }) => ({
      enterprise_customer_uuid,
      percent,
    })),
  };
}

/** Validates a flag write the way the admin API does: percent, users, groups and sets that exist. */
function flagFieldErrors(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  if ('percent' in body && body.percent !== null && !validPercent(body.percent)) {
    fields.percent = 'Percent must be between 0.0 and 100.0 with at most one decimal.';
  }
  const unknownUsers = ((body.users as string[] | undefined) ?? []).filter(
    (u) => !users.some((x) => x.username === u),
  );
  if (unknownUsers.length > 0) fields.users = `Unknown users: ${unknownUsers.join(', ')}.`;
  const unknownGroups = ((body.groups as string[] | undefined) ?? []).filter(
    (g) => !groups.some((x) => x.name === g),
  );
  if (unknownGroups.length > 0) fields.groups = `Unknown groups: ${unknownGroups.join(', ')}.`;
  const unknownSets = ((body.sets as string[] | undefined) ?? []).filter((set) => !state.flagSets.has(set));
  if (unknownSets.length > 0) fields.sets = `Unknown flag set: ${unknownSets.join(', ')}.`;
  return fields;
}

/** The admin gate and the CSRF check, in the server's order; null when the request may go on. */
function guard(request: Request): Response | null {
  if (!state.session) return error(401, 'not_authenticated', 'Log in first: this needs a session.');
  if (!state.session.is_staff && !state.session.is_superuser) {
    return error(403, 'permission_denied', 'Staff only.');
  }
  if (request.method !== 'GET' && request.headers.get('x-csrftoken') !== CSRF) {
    return error(
      403,
      'csrf_failed',
      'CSRF check failed: send the csrftoken cookie value in the X-CSRFToken header.',
    );
  }
  return null;
}

async function record(request: Request): Promise<unknown> {
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  const url = new URL(request.url);
  state.requests.push({
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body,
  });
  return body;
}

function admin(
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  resolve: (args: {
    request: Request;
    params: Record<string, string>;
    body: Record<string, unknown>;
  }) => Response,
) {
  return http[method](`*/api/admin${path}`, async ({ request, params }) => {
    const body = ((await record(request)) ?? {}) as Record<string, unknown>;
    return guard(request) ?? resolve({ request, params: params as Record<string, string>, body });
  });
}

function linkedCount(uuid: string): number {
  return (state.learners.get(uuid) ?? []).filter((l) => l.active && l.linked).length;
}

/** Switches and samples: the same verbs over a map of objects with a version. */
function namedObjectHandlers<T extends { name: string; version?: number }>(
  collection: string,
  objectType: string,
  objects: () => Map<string, T>,
  onDelete: (name: string) => void = () => {},
) {
  return [
    admin('get', `/${collection}`, () =>
      HttpResponse.json({ count: objects().size, results: [...objects().values()] } as JsonBodyType),
    ),
    admin('post', `/${collection}`, ({ body }) => {
      if (objects().has(String(body.name))) {
        return error(400, 'validation_error', 'Not saved.', {
          name: `A ${objectType} with this name already exists.`,
        });
      }
      const now = new Date().toISOString();
      const created = { ...body, created: now, modified: now, version: 1 } as unknown as T;
      objects().set(created.name, created);
      audit('create', objectType, created.name, null, created);
      return HttpResponse.json(created as JsonBodyType, { status: 201 });
    }),
    admin('patch', `/${collection}/:name`, ({ request, params, body }) => {
      const found = objects().get(params.name!);
      if (!found) return error(404, 'not_found', `This ${objectType} does not exist.`);
      if (request.headers.get('if-match') !== String(found.version)) {
        return error(409, 'conflict', `This ${objectType} was changed by someone else; reload it.`);
      }
      const updated = { ...found, ...body, version: (found.version ?? 0) + 1 };
      objects().set(found.name, updated);
      audit('update', objectType, found.name, found, updated);
      return HttpResponse.json(updated as JsonBodyType);
    }),
    admin('delete', `/${collection}/:name`, ({ params }) => {
      const found = objects().get(params.name!);
      if (!found) return error(404, 'not_found', `This ${objectType} does not exist.`);
      objects().delete(found.name);
      onDelete(found.name);
      audit('delete', objectType, found.name, found, null);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

const handlers = [
  http.post('*/api/auth/login', async ({ request }) => {
    const body = (await record(request)) as { username?: string; password?: string };
    const account = state.accounts.get(body.username ?? '');
    if (!account || account.password !== body.password) {
      return error(401, 'invalid_credentials', 'The username or password is wrong.');
    }
    state.session = account.user;
    // The real server sets this cookie on the login response.
    // biome-ignore lint/suspicious/noDocumentCookie: standing in for the server's Set-Cookie.
    document.cookie = `csrftoken=${CSRF}; path=/`;
    return HttpResponse.json({ user: account.user });
  }),
  http.post('*/api/auth/logout', async ({ request }) => {
    await record(request);
    state.session = null;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/auth/me', () =>
    state.session
      ? HttpResponse.json({ user: state.session })
      : error(401, 'not_authenticated', 'Log in first.'),
  ),

  admin('get', '/flags', ({ request }) => {
    const query = new URL(request.url).searchParams;
    const search = (query.get('search') ?? '').toLowerCase();
    const set = query.get('set');
    if (set !== null && !state.flagSets.has(set)) {
      return error(404, 'not_found', `This flag set does not exist: "${set}".`);
    }
    const results = [...state.flags.values()]
      .filter((f) => f.name.toLowerCase().includes(search) || f.note.toLowerCase().includes(search))
      .filter((f) => set === null || f.sets.includes(set))
      .map(withoutCounts);
    return HttpResponse.json({ count: results.length, results } as JsonBodyType);
  }),
  // Set membership only (the page sends no other bulk action); all or nothing, as on the server.
  admin('post', '/flags/bulk', ({ body }) => {
    const { action, names, set } = body as { action: string; names: string[]; set: string };
    if (!state.flagSets.has(set))
      return error(400, 'validation_error', 'Not changed.', { set: `Unknown flag set: ${set}.` });
    const missing = names.find((name) => !state.flags.has(name));
    if (missing) return error(404, 'not_found', `This flag does not exist: "${missing}".`);
    let count = 0;
    for (const name of names) {
      const found = state.flags.get(name)!;
      // Already where the action puts it: left alone, not counted.
      if (found.sets.includes(set) === (action === 'add_to_set')) continue;
      count++;
      const others = found.sets.filter((other) => other !== set);
      const sets = (action === 'add_to_set' ? [...others, set] : others).sort();
      const updated = { ...found, sets, version: found.version + 1 };
      state.flags.set(name, updated);
      audit('update', 'flag', name, withoutCounts(found), withoutCounts(updated));
    }
    return HttpResponse.json({ action, count });
  }),
  admin('get', '/flags/:name', ({ params }) => {
    const found = state.flags.get(params.name!);
    return found
      ? HttpResponse.json(found as JsonBodyType)
      : error(404, 'not_found', 'This flag does not exist.');
  }),
  admin('post', '/flags', ({ body }) => {
    const fields = flagFieldErrors(body);
    if (state.flags.has(String(body.name))) fields.name = 'A flag with this name already exists.';
    if (Object.keys(fields).length > 0)
      return error(400, 'validation_error', 'The flag was not saved.', fields);
    const created = { ...(body as unknown as FlagDetail), version: 1, enterprise_percentages: [] };
    created.created = created.modified = new Date().toISOString();
    state.flags.set(created.name, created);
    audit('create', 'flag', created.name, null, withoutCounts(created));
    return HttpResponse.json(withoutCounts(created) as JsonBodyType, { status: 201 });
  }),
  admin('patch', '/flags/:name', ({ request, params, body }) => {
    const found = state.flags.get(params.name!);
    if (!found) return error(404, 'not_found', 'This flag does not exist.');
    if (request.headers.get('if-match') !== String(found.version)) {
      return error(409, 'conflict', 'This flag was changed by someone else; reload it.');
    }
    const fields = flagFieldErrors(body);
    if (Object.keys(fields).length > 0)
      return error(400, 'validation_error', 'The flag was not saved.', fields);
    const updated = { ...found, ...body, version: found.version + 1 } as FlagDetail;
    state.flags.set(updated.name, updated);
    audit('update', 'flag', updated.name, withoutCounts(found), withoutCounts(updated));
    return HttpResponse.json(withoutCounts(updated) as JsonBodyType);
  }),
  admin('delete', '/flags/:name', ({ params }) => {
    const found = state.flags.get(params.name!);
    if (!found) return error(404, 'not_found', 'This flag does not exist.');
    state.flags.delete(found.name);
    audit('delete', 'flag', found.name, withoutCounts(found), null);
    return new HttpResponse(null, { status: 204 });
  }),
  admin('put', '/flags/:name/enterprise-percentages/:uuid', ({ params, body }) => {
    const found = state.flags.get(params.name!);
    if (!found) return error(404, 'not_found', 'This flag does not exist.');
    if (!validPercent(body.percent)) {
      return error(400, 'validation_error', 'The percentage was not saved.', {
        percent: 'Percent must be between 0.0 and 100.0 with at most one decimal.',
      });
    }
    const percent = body.percent as number;
    const linked = linkedCount(params.uuid!);
    const entry = {
      enterprise_customer_uuid: params.uuid!,
      percent,
      linked_learners: linked,
      learners_on: Math.round((linked * percent) / 100),
    };
    const rest = found.enterprise_percentages.filter((e) => e.enterprise_customer_uuid !== params.uuid);
    const updated = { ...found, enterprise_percentages: [...rest, entry], version: found.version + 1 };
    state.flags.set(found.name, updated);
    audit('update', 'flag', found.name, found, updated);
    return HttpResponse.json(updated as JsonBodyType);
  }),
  admin('delete', '/flags/:name/enterprise-percentages/:uuid', ({ params }) => {
    const found = state.flags.get(params.name!);
    if (!found) return error(404, 'not_found', 'This flag does not exist.');
    const rest = found.enterprise_percentages.filter((e) => e.enterprise_customer_uuid !== params.uuid);
    const updated = { ...found, enterprise_percentages: rest, version: found.version + 1 };
    state.flags.set(found.name, updated);
    audit('update', 'flag', found.name, found, updated);
    return HttpResponse.json(updated as JsonBodyType);
  }),
  admin('get', '/flags/:name/explain', () =>
    HttpResponse.json({ is_active: false, reason: 'no_rule', description: 'off: no rule matched' }),
  ),

  ...namedObjectHandlers('switches', 'switch', () => state.switches),
  ...namedObjectHandlers('samples', 'sample', () => state.samples),
  // Deleting a set takes each of its flags out of it, as a flag update, and keeps the flags.
  ...namedObjectHandlers(
    'flag-sets',
    'flag_set',
    () => state.flagSets,
    (set) => {
      for (const found of state.flags.values()) {
        if (!found.sets.includes(set)) continue;
        const updated = {
          ...found,
          sets: found.sets.filter((other) => other !== set),
          version: found.version + 1,
        };
        state.flags.set(found.name, updated);
        audit('update', 'flag', found.name, withoutCounts(found), withoutCounts(updated));
      }
    },
  ),
  admin('post', '/enterprise-customers', ({ body }) => {
    const fields: Record<string, string> = {};
    if (!body.name) fields.name = 'Enter a name.';
    if (!body.slug) fields.slug = 'Enter a slug.';
    if (state.customers.some((c) => c.slug === body.slug)) fields.slug = 'This slug is taken.';
    if (Object.keys(fields).length > 0) return error(400, 'validation_error', 'Not saved.', fields);
    const created = {
      uuid: String(
        body.uuid ?? `00000000-0000-4000-8000-${String(state.customers.length + 1).padStart(12, '0')}`,
      ),
      slug: String(body.slug),
      name: String(body.name),
      active: Boolean(body.active),
      version: 1,
    };
    state.customers.push(created);
    audit('create', 'enterprise_customer', created.slug, null, created);
    return HttpResponse.json(created, { status: 201 });
  }),
  admin('post', '/enterprise-customers/:uuid/learners', ({ params, body }) => {
    if (!users.some((u) => u.username === body.username)) {
      return error(400, 'validation_error', 'Not linked.', {
        username: `No user named ${String(body.username)}.`,
      });
    }
    const learner = {
      username: String(body.username),
      active: Boolean(body.active),
      linked: Boolean(body.linked),
    };
    const others = (state.learners.get(params.uuid!) ?? []).filter((l) => l.username !== learner.username);
    state.learners.set(params.uuid!, [...others, learner]);
    return HttpResponse.json(learner, { status: 201 });
  }),
  admin('delete', '/enterprise-customers/:uuid/learners/:username', ({ params }) => {
    const list = state.learners.get(params.uuid!) ?? [];
    state.learners.set(
      params.uuid!,
      list.filter((l) => l.username !== params.username),
    );
    return new HttpResponse(null, { status: 204 });
  }),
  admin('get', '/users', () => HttpResponse.json({ count: users.length, results: users } as JsonBodyType)),
  admin('get', '/groups', () => HttpResponse.json({ count: groups.length, results: groups })),
  admin('get', '/enterprise-customers', () =>
    HttpResponse.json({ count: state.customers.length, results: state.customers }),
  ),
  admin('get', '/enterprise-customers/:uuid/learners', ({ params }) => {
    const results = state.learners.get(params.uuid!) ?? [];
    return HttpResponse.json({ count: results.length, results });
  }),
  admin('get', '/audit', ({ request }) => {
    const query = new URL(request.url).searchParams;
    const type = query.get('object_type');
    const name = query.get('object_name');
    const results = state.audit.filter(
      (entry) => (!type || entry.object_type === type) && (!name || entry.object_name === name),
    );
    return HttpResponse.json({ count: results.length, results } as JsonBodyType);
  }),
];

export const mockApi = {
  server: setupServer(...handlers),
  get state() {
    return state;
  },
  /** Starts a test logged in (as the server would after login: session plus CSRF cookie). */
  loginAs(user: SessionUser = staffUser) {
    state.session = user;
    // biome-ignore lint/suspicious/noDocumentCookie: standing in for the server's Set-Cookie.
    document.cookie = `csrftoken=${CSRF}; path=/`;
  },
  requests(method: string, pathPart = '') {
    return state.requests.filter((r) => r.method === method && r.path.includes(pathPart));
  },
  reset() {
    state = freshState();
    auditId = 0;
    this.server.resetHandlers();
  },
  csrfToken: CSRF,
};
