import fc from 'fast-check';
import { DEMO_ENTERPRISES } from '../../src/demo-api/demo-seed.js';

/** Who sends a fuzz case: the demo superuser, a linked learner, or nobody. */
export type FuzzActor = 'admin' | 'learner' | 'anonymous';

/** One generated request, sent raw (see `rawRequest`). */
export interface FuzzCase {
  /** The route it aims at, e.g. `PATCH /api/admin/flags/:name` (for the coverage count). */
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly as: FuzzActor;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const ACME = DEMO_ENTERPRISES[0].uuid;
/** Names of demo objects, so some cases reach past "not found" into the write paths. */
const FLAGS = ['enterprise.dashboard_v2', 'enterprise.gradual_rollout', 'enterprise.beta_tools', 'fuzz.flag'];
const SWITCHES = ['enterprise.maintenance_banner', 'enterprise.emails_enabled', 'fuzz.switch'];
const SAMPLES = ['enterprise.sampled_logging', 'enterprise.survey_prompt', 'fuzz.sample'];
/** Not `admin` or `alice`: the fuzz must not lock out the sessions it runs as. */
const USERNAMES = ['bob', 'carol', 'dave', 'fuzz.user'];
const GROUPS = ['beta-testers', 'fuzz-group'];
/** Not in the demo: the fuzz creates them (flag-sets routes), then puts flags in and out of them. */
const SETS = ['fuzz-set', 'fuzz-set-2'];
const UUIDS = [ACME, DEMO_ENTERPRISES[1].uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'];

const SQL = [
  `' OR 1=1 --`,
  `"; DROP TABLE waffle_flags; --`,
  `'); DELETE FROM waffle_users; --`,
  `%' OR '%'='`,
];
const PATHLIKE = ['../', '../../etc/passwd', '..\\..\\', '%00', '%2e%2e%2f', '%ZZ', '/', '.', '..'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 3 })
  .map((units) => `a${String.fromCharCode(...units)}b`);
/** About 100k characters: one character repeated, so a NUL or an emoji can sit in a huge value. */
const huge = fc
  .constantFrom('x', 'é', '\u0000', '💥', "'", '%')
  .map((c) => c.repeat(Math.ceil(100_000 / c.length)));

/** Text a hostile client might send: any unicode, NUL, lone surrogates, SQL, paths, huge. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string(), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: loneSurrogates, weight: 1 },
  {
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '', ' ', '\n', ...SQL, ...PATHLIKE, ...PROTO_KEYS),
    weight: 3,
  },
  { arbitrary: huge, weight: 1 },
);

/** Valid but nasty free text (a note, a customer name): any unicode, lone surrogates, SQL, path tricks. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  loneSurrogates,
  fc.constantFrom(...SQL, ...PATHLIKE, ...PROTO_KEYS, 'é'.repeat(9000)),
);

/** A name: a real one, a valid but unknown one, an almost-valid one, or hostile text. */
function nameFrom(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 6 },
    { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,19}$/), weight: 3 },
    { arbitrary: fc.constantFrom('a'.repeat(101), 'a'.repeat(151), 'a b', 'a/b', 'a,b', 'ünï'), weight: 1 },
    { arbitrary: hostileText, weight: 2 },
  );
}

/** Any JSON value, wrong types for every field alike. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    33.33,
    100.1,
    Number.MIN_VALUE,
    '',
    [],
    {},
    [{}],
    'true',
    ['a\u0000'],
    'x'.repeat(151),
  ),
  hostileText,
);

/**
 * A route's known fields: all of the right type (so writes happen), or each right or wrong, then
 * sometimes an unknown extra key.
 */
function shaped(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const mixed: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, valid] of Object.entries(fields))
    mixed[key] = fc.oneof({ arbitrary: valid, weight: 3 }, anyJson);
  const body = fc.oneof(fc.record(fields, { requiredKeys: [] }), fc.record(mixed, { requiredKeys: [] }));
  return fc
    .tuple(body, fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, fc.tuple(hostileText, anyJson)))
    .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
}

/** Raw JSON texts that try prototype pollution (JSON.stringify would drop `__proto__`). */
const pollution = fc.constantFrom(
  '{"__proto__":{"is_superuser":true,"polluted":"yes"}}',
  '{"constructor":{"prototype":{"is_superuser":true,"polluted":"yes"}}}',
  '{"name":"fuzz.proto","__proto__":{"polluted":"yes"}}',
  '{"username":"fuzz.proto","__proto__":{"is_superuser":true}}',
  '{"flags":[{"name":"fuzz.proto","__proto__":{"polluted":"yes"}}],"__proto__":{"polluted":"yes"}}',
  '[{"model":"waffle.flag","fields":{"name":"fuzz.proto","__proto__":{"polluted":"yes"}}}]',
  '{"action":"delete","names":["x"],"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"},"enterprise_customer_slug":"acme"}',
);

/** The same keys injected into every object of a route's own body, as raw JSON text. */
const POLLUTERS = [
  '"__proto__":{"is_superuser":true,"polluted":"yes"},',
  '"constructor":{"prototype":{"is_superuser":true,"polluted":"yes"}},',
  '"prototype":{"polluted":"yes"},',
];

const JSON_TYPE = { 'content-type': 'application/json' };

type FuzzBody = { headers: Record<string, string>; body?: string };

/** A request body: the route's shape with wrong types, any JSON, pollution, or not JSON at all. */
function bodyOf(shape: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  const json = (value: unknown) => ({ headers: JSON_TYPE, body: JSON.stringify(value) ?? 'null' });
  return fc.oneof(
    { arbitrary: shape.map(json), weight: 14 },
    { arbitrary: fc.array(shape, { maxLength: 2 }).map(json), weight: 1 },
    { arbitrary: anyJson.map(json), weight: 2 },
    { arbitrary: pollution.map((body) => ({ headers: JSON_TYPE, body })), weight: 1 },
    {
      arbitrary: fc.tuple(shape, fc.constantFrom(...POLLUTERS)).map(([value, key]) => ({
        headers: JSON_TYPE,
        body: (JSON.stringify(value) ?? '{}').replaceAll('{"', `{${key}"`),
      })),
      weight: 3,
    },
    {
      arbitrary: fc
        .constantFrom('{bad', '', '{"a":', '\u0000', 'null', '"text"', '[1,2', '{"a":1}}')
        .map((body) => ({
          headers: JSON_TYPE,
          body,
        })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          shape,
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/json; charset=utf-16',
            'application/xml',
          ),
        )
        .map(([value, type]) => ({ headers: { 'content-type': type }, body: JSON.stringify(value) ?? '' })),
      weight: 1,
    },
    { arbitrary: fc.constant({ headers: {} }), weight: 1 },
  );
}

/** Percent-encodes text as a URL would (a lone surrogate becomes U+FFFD, as in any UTF-8 encoder). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9_.~-]/.test(char) ? char : `%${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

/** A path segment: an encoded name (cut to stay under Node's 16 KB header limit) or a raw hostile one. */
function segment(name: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: name.map((text) => percentEncode(text.slice(0, 300))), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        ...PATHLIKE,
        '..%2f..%2f',
        '%',
        '%E0%A4%A',
        '%C0%AE%C0%AE',
        `${'a'.repeat(5000)}`,
      ),
      weight: 1,
    },
  );
}

/** A query string from known keys (each absent, one value, or duplicated) plus raw oddities. */
function queryOf(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const encode = (value: string) => percentEncode(value.slice(0, 60));
  const pairs = Object.entries(keys).map(([key, value]) =>
    fc.oneof(
      fc.constant([] as string[]),
      value.map((v) => [`${key}=${encode(v)}`]),
      fc.array(value, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => `${key}=${encode(v)}`)),
      fc.constantFrom([`${key}=%ZZ`], [`${key}=%00`], [`${key}[a]=1`], [`${key}`]),
    ),
  );
  const odd = fc.constantFrom([], [], ['__proto__=1'], ['constructor[prototype][polluted]=yes'], ['%ZZ=1']);
  return fc.tuple(...pairs, odd).map((parts) => {
    const all = parts.flat();
    return all.length ? `?${all.join('&')}` : '';
  });
}

const noQuery = fc.constant('');
const actorFor = (path: string): fc.Arbitrary<FuzzActor> =>
  path.startsWith('/api/admin')
    ? fc.oneof(
        { arbitrary: fc.constant('admin' as const), weight: 17 },
        fc.constantFrom<FuzzActor>('learner', 'anonymous'),
      )
    : fc.constantFrom<FuzzActor>('admin', 'learner', 'learner', 'anonymous');
const ifMatch = fc.oneof(
  { arbitrary: fc.constant({}), weight: 4 },
  fc
    .constantFrom('1', '"2"', 'W/"1"', '0', '-1', 'abc', '1.5', '99999999999999999999', '"')
    .map((v) => ({ 'if-match': v })),
);

interface RouteSpec {
  readonly method: string;
  /** The path template, `:name` style, and how to fill it. */
  readonly template: string;
  readonly params?: Record<string, fc.Arbitrary<string>>;
  readonly query?: fc.Arbitrary<string>;
  readonly body?: fc.Arbitrary<unknown>;
  readonly versioned?: boolean;
}

const bool = fc.boolean();
const percent = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);
/** Valid references; hostile ones come from the mixed bodies of `shaped` and from name fields. */
const names = (known: readonly string[]) => fc.uniqueArray(fc.constantFrom(...known), { maxLength: 2 });
const EXISTING_USERS = ['bob', 'carol', 'dave'];
const flagFields = {
  everyone: fc.option(bool),
  percent: fc.option(percent),
  testing: bool,
  superusers: bool,
  staff: bool,
  authenticated: bool,
  languages: fc.array(fc.constantFrom('en', 'es', 'pt-br'), { maxLength: 3 }),
  users: names(EXISTING_USERS),
  groups: names(['beta-testers']),
  rollout: bool,
  note: nastyText,
  sets: names(SETS),
  enterprise_percentages: fc.uniqueArray(
    fc.record({ enterprise_customer_uuid: fc.constantFrom(...UUIDS.slice(0, 2)), percent }),
    {
      maxLength: 2,
      selector: (p) => p.enterprise_customer_uuid,
    },
  ),
};
const userFields = {
  password: fc.string({ minLength: 8, maxLength: 40 }),
  email: fc.option(fc.constantFrom('a@example.com', "o'brien+x@example.org")),
  is_staff: bool,
  is_superuser: bool,
  is_active: bool,
  groups: names(['beta-testers']),
  language: fc.option(fc.constantFrom('en', 'es', 'pt-br')),
};

function namedObjectRoutes(
  plural: string,
  known: readonly string[],
  fields: Record<string, fc.Arbitrary<unknown>>,
  listQuery: Record<string, fc.Arbitrary<string>> = {},
): RouteSpec[] {
  const name = { name: nameFrom(known) };
  return [
    {
      method: 'GET',
      template: `/api/admin/${plural}`,
      query: queryOf({ search: hostileText, ...listQuery }),
    },
    { method: 'POST', template: `/api/admin/${plural}`, body: shaped({ name: nameFrom(known), ...fields }) },
    { method: 'GET', template: `/api/admin/${plural}/:name`, params: name },
    {
      method: 'PATCH',
      template: `/api/admin/${plural}/:name`,
      params: name,
      body: shaped(fields),
      versioned: true,
    },
    { method: 'DELETE', template: `/api/admin/${plural}/:name`, params: name, versioned: true },
  ];
}

/** Every admin route, the learner routes and auth: what the fuzz aims at. */
const ROUTES: RouteSpec[] = [
  ...namedObjectRoutes('flags', FLAGS, flagFields, { set: nameFrom(SETS) }),
  {
    method: 'POST',
    template: '/api/admin/flags/bulk',
    body: shaped({
      action: fc.constantFrom(
        'enable_everyone',
        'disable_everyone',
        'delete',
        'add_to_set',
        'remove_from_set',
        'DROP',
      ),
      names: fc.array(nameFrom(FLAGS), { maxLength: 3 }),
      set: nameFrom(SETS),
    }),
  },
  ...namedObjectRoutes('flag-sets', SETS, { note: nastyText }),
  {
    method: 'PUT',
    template: '/api/admin/flags/:name/enterprise-percentages/:uuid',
    params: { name: nameFrom(FLAGS), uuid: nameFrom(UUIDS) },
    body: shaped({ percent }),
  },
  {
    method: 'DELETE',
    template: '/api/admin/flags/:name/enterprise-percentages/:uuid',
    params: { name: nameFrom(FLAGS), uuid: nameFrom(UUIDS) },
  },
  {
    method: 'GET',
    template: '/api/admin/flags/:name/explain',
    params: { name: nameFrom(FLAGS) },
    query: queryOf({ username: nameFrom(USERNAMES), enterprise_customer_uuid: nameFrom(UUIDS) }),
  },
  ...namedObjectRoutes('switches', SWITCHES, { active: bool, note: nastyText }),
  ...namedObjectRoutes('samples', SAMPLES, { percent, note: nastyText }),
  { method: 'GET', template: '/api/admin/users', query: queryOf({ search: hostileText }) },
  {
    method: 'POST',
    template: '/api/admin/users',
    body: shaped({ username: nameFrom(USERNAMES), ...userFields }),
  },
  { method: 'GET', template: '/api/admin/users/:username', params: { username: nameFrom(USERNAMES) } },
  {
    method: 'PATCH',
    template: '/api/admin/users/:username',
    params: { username: nameFrom(USERNAMES) },
    body: shaped(userFields),
    versioned: true,
  },
  { method: 'GET', template: '/api/admin/groups' },
  { method: 'POST', template: '/api/admin/groups', body: shaped({ name: nameFrom(GROUPS) }) },
  { method: 'GET', template: '/api/admin/enterprise-customers' },
  {
    method: 'POST',
    template: '/api/admin/enterprise-customers',
    body: shaped({
      uuid: nameFrom(UUIDS),
      slug: nameFrom(['acme', 'fuzz-co']),
      name: nastyText,
      active: bool,
    }),
  },
  {
    method: 'GET',
    template: '/api/admin/enterprise-customers/:uuid/learners',
    params: { uuid: nameFrom(UUIDS) },
  },
  {
    method: 'POST',
    template: '/api/admin/enterprise-customers/:uuid/learners',
    params: { uuid: nameFrom(UUIDS) },
    body: shaped({ username: nameFrom(USERNAMES), active: bool, linked: bool }),
  },
  {
    method: 'DELETE',
    template: '/api/admin/enterprise-customers/:uuid/learners/:username',
    params: { uuid: nameFrom(UUIDS), username: nameFrom(USERNAMES) },
  },
  { method: 'GET', template: '/api/admin/export' },
  {
    method: 'POST',
    template: '/api/admin/import',
    query: queryOf({ default_set: nameFrom(SETS) }),
    body: shaped({
      flag_sets: fc.array(shaped({ name: nameFrom(SETS), note: nastyText }), { maxLength: 2 }),
      groups: fc.array(nameFrom(GROUPS), { maxLength: 2 }),
      users: fc.array(fc.record({ username: nameFrom(USERNAMES) }), { maxLength: 2 }),
      enterprise_customers: fc.array(
        fc.record({
          uuid: nameFrom(UUIDS),
          slug: nameFrom(['acme', 'fuzz-co']),
          name: nastyText,
          active: bool,
        }),
        { maxLength: 1 },
      ),
      flags: fc.array(shaped({ name: nameFrom(FLAGS), ...flagFields }), { maxLength: 2 }),
      switches: fc.array(shaped({ name: nameFrom(SWITCHES), active: bool, note: nastyText }), {
        maxLength: 2,
      }),
      samples: fc.array(shaped({ name: nameFrom(SAMPLES), percent, note: nastyText }), { maxLength: 2 }),
    }),
  },
  {
    method: 'GET',
    template: '/api/admin/audit',
    query: queryOf({
      object_type: fc.oneof(fc.constantFrom('flag', 'switch', 'user', 'flag_set'), hostileText),
      object_name: nameFrom(FLAGS),
      limit: fc.oneof(fc.integer().map(String), hostileText),
    }),
  },
  {
    method: 'POST',
    template: '/api/v1/bffs/learner/dashboard/',
    body: shaped({ enterprise_customer_slug: fc.option(nameFrom(['acme', 'bluebird', 'cedar'])) }),
  },
  {
    method: 'GET',
    template: '/enterprise/api/v1/enterprise-learner/',
    query: queryOf({
      username: nameFrom(['alice', ...USERNAMES]),
      enterprise_customer_uuid: nameFrom(UUIDS),
      page: fc.oneof(
        fc.integer().map(String),
        fc.constantFrom('1e21', '9007199254740993', '0', '-1'),
        hostileText,
      ),
      page_size: fc.oneof(fc.integer().map(String), hostileText),
    }),
  },
  {
    method: 'GET',
    template: '/waffle_status',
    query: queryOf({ enterprise_customer_uuid: nameFrom(UUIDS), set: nameFrom(SETS) }),
  },
  {
    method: 'POST',
    template: '/api/auth/login',
    body: shaped({
      username: nameFrom(['alice', ...USERNAMES]),
      password: fc.oneof(fc.constant('alice-demo'), hostileText),
    }),
  },
  { method: 'POST', template: '/api/auth/logout', body: fc.constant({}) },
  { method: 'GET', template: '/api/auth/me' },
  { method: 'GET', template: '/api/admin/:unknown', params: { unknown: nameFrom(['nothing-here']) } },
];

/** How many distinct routes `fuzzCase` aims at. */
export const FUZZ_ROUTE_COUNT = ROUTES.length;

function caseOf(spec: RouteSpec): fc.Arbitrary<FuzzCase> {
  const params = Object.entries(spec.params ?? {});
  return fc
    .record({
      values: fc.tuple(...params.map(([, value]) => segment(value))),
      query: spec.query ?? noQuery,
      body: spec.body ? bodyOf(spec.body) : fc.constant<FuzzBody>({ headers: {} }),
      version: spec.versioned ? ifMatch : fc.constant({}),
      as: actorFor(spec.template),
    })
    .map(({ values, query, body, version, as }) => {
      let path = spec.template;
      params.forEach(([key], i) => {
        path = path.replace(`:${key}`, values[i] ?? '');
      });
      return {
        route: `${spec.method} ${spec.template}`,
        method: spec.method,
        path: `${path}${query}`,
        as,
        headers: { accept: 'application/json', ...body.headers, ...version },
        ...(body.body !== undefined ? { body: body.body } : {}),
      };
    });
}

/** A request to any route of the server, with hostile input in every part it has. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(...ROUTES.map(caseOf));
