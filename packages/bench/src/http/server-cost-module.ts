import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, openPostgres } from '@waffle-kit/test-services/postgres';
import { integer } from '../report/table.js';
import type { BenchModule, RunOptions, Section } from '../suite.js';
import { type BenchServer, FLOOR_ENTRY, startBenchServer } from './bench-server.js';
import { CONNECTIONS, type LoadResult, type LoadTarget, load, pool } from './load.js';
import { login, requestJson, type Session } from './session.js';

interface Route {
  readonly name: string;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly body?: unknown;
  /** What the route's ratio is held to: the static route, or the hand-written floor. */
  readonly target: { readonly against: 'static' | 'floor'; readonly ratio: number };
}

const ROUTES: readonly Route[] = [
  {
    name: 'GET /api/auth/me',
    path: '/api/auth/me',
    method: 'GET',
    target: { against: 'static', ratio: 0.7 },
  },
  {
    name: 'GET /waffle_status',
    path: '/waffle_status',
    method: 'GET',
    target: { against: 'static', ratio: 0.7 },
  },
  {
    name: 'GET /enterprise/api/v1/enterprise-learner/',
    path: '/enterprise/api/v1/enterprise-learner/',
    method: 'GET',
    target: { against: 'floor', ratio: 0.5 },
  },
  {
    name: 'POST /api/v1/bffs/learner/dashboard/',
    path: '/api/v1/bffs/learner/dashboard/',
    method: 'POST',
    body: { enterprise_customer_slug: 'acme' },
    target: { against: 'floor', ratio: 0.5 },
  },
];
const STATIC = 'GET / (express.static, anonymous)';

const target = (base: string, route: Route, session: Session): LoadTarget => ({
  url: `${base}${route.path}`,
  method: route.method,
  headers: session.headers,
  body: route.body,
});

/** A built app's folder for the static row: an index.html of a real portal's size (about 1 KB). */
function staticDir(dir: string): string {
  const folder = join(dir, 'static');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Learner portal</title>${'<link rel="modulepreload" href="/assets/chunk.js">'.repeat(16)}</head><body><div id="root"></div></body></html>`;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), html);
  return folder;
}

/**
 * Alternating rounds over `variants` (each a base URL) for every route and the static route, so
 * a change in the machine's load falls on all of them alike; pooled per variant and route.
 */
async function measure(
  variants: Record<string, { base: string; session: Session; static: boolean }>,
  { quick, log }: RunOptions,
  label: string,
): Promise<Record<string, Record<string, LoadResult>>> {
  const rounds = quick ? 1 : 3;
  const seconds = quick ? 1 : 2;
  const results: Record<string, Record<string, LoadResult[]>> = {};
  const add = (variant: string, route: string, result: LoadResult) => {
    const byRoute = results[variant] ?? {};
    byRoute[route] = [...(byRoute[route] ?? []), result];
    results[variant] = byRoute;
  };
  for (const { base, session } of Object.values(variants)) {
    for (const route of ROUTES) await load(target(base, route, session), 1); // warm-up
  }
  for (let round = 0; round < rounds; round++) {
    log(`${label}: round ${round + 1} of ${rounds} (${seconds} s per route and variant)`);
    for (const [variant, { base, static: serves }] of Object.entries(variants)) {
      if (serves) add(variant, STATIC, await load({ url: `${base}/` }, seconds));
    }
    for (const route of ROUTES) {
      for (const [variant, { base, session }] of Object.entries(variants)) {
        add(variant, route.name, await load(target(base, route, session), seconds));
      }
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([variant, routes]) => [
      variant,
      Object.fromEntries(Object.entries(routes).map(([route, list]) => [route, pool(list)])),
    ]),
  );
}

/** Checks each route answers 2xx with this session before anything is timed. */
async function check(base: string, session: Session): Promise<void> {
  for (const route of ROUTES) await requestJson(session, `${base}${route.path}`, route.method, route.body);
}

const ms = (value: number) => value.toFixed(1);
const times = (value: number) => `${value.toFixed(2)}×`;

async function sqliteTable(options: RunOptions, dir: string) {
  const databaseUrl = `sqlite:${join(dir, 'waffle.sqlite')}`;
  const server = await startBenchServer({
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_SEED: 'demo',
    BENCH_STATIC_DIR: staticDir(dir),
  });
  let floor: BenchServer | undefined;
  try {
    floor = await startBenchServer({ BENCH_DATABASE_URL: databaseUrl }, { entry: FLOOR_ENTRY });
    const session = await login(server.embeddedUrl, 'alice', 'alice-demo');
    await check(server.embeddedUrl, session);
    await check(floor.embeddedUrl, session);
    const results = await measure(
      {
        server: { base: server.embeddedUrl, session, static: true },
        floor: { base: floor.embeddedUrl, session, static: false },
      },
      options,
      'server-cost (sqlite)',
    );
    const staticRps = results.server![STATIC]!.requestsPerSecond;
    const verdicts: string[] = [];
    const rows = [
      [
        STATIC,
        integer(staticRps),
        ms(results.server![STATIC]!.p50),
        ms(results.server![STATIC]!.p99),
        '',
        '',
        '',
        '',
        '1.00×',
      ],
      ...ROUTES.map((route) => {
        const own = results.server![route.name]!;
        const hand = results.floor![route.name]!;
        const vsFloor = own.requestsPerSecond / hand.requestsPerSecond;
        const vsStatic = own.requestsPerSecond / staticRps;
        const held = route.target.against === 'static' ? vsStatic : vsFloor;
        verdicts.push(
          `${route.name}: ${times(held)} the ${route.target.against === 'static' ? 'static route' : 'hand-written floor'} (target >= ${route.target.ratio}×: ${held >= route.target.ratio ? 'met' : 'missed'}).`,
        );
        return [
          route.name,
          integer(own.requestsPerSecond),
          ms(own.p50),
          ms(own.p99),
          integer(hand.requestsPerSecond),
          ms(hand.p50),
          ms(hand.p99),
          times(vsFloor),
          times(vsStatic),
        ];
      }),
    ];
    return {
      table: {
        title: `The server against a hand-written floor, signed in as alice, SQLite file, one process each, autocannon ${CONNECTIONS} connections, ${options.quick ? 1 : 3} alternating rounds`,
        columns: [
          'route',
          'server req/s',
          'p50 ms',
          'p99 ms',
          'floor req/s',
          'p50 ms',
          'p99 ms',
          'vs floor',
          'vs static',
        ],
        rows,
      },
      verdicts,
    };
  } finally {
    await floor?.stop();
    await server.stop();
  }
}

async function postgresTable(options: RunOptions) {
  const postgres = await openPostgres();
  options.log(`server-cost (postgres): ${postgres.description}`);
  const database = await createScratchDatabase(postgres.url, 'waffle_bench');
  const servers: BenchServer[] = [];
  try {
    servers.push(await startBenchServer({ BENCH_DATABASE_URL: database.url, BENCH_SEED: 'demo' }));
    servers.push(
      await startBenchServer({ BENCH_DATABASE_URL: database.url, BENCH_WORKERS: '2', BENCH_SEED: '' }),
    );
    const [one, two] = servers as [BenchServer, BenchServer];
    const session = await login(one.embeddedUrl, 'alice', 'alice-demo');
    await check(one.embeddedUrl, session);
    await check(two.embeddedUrl, session);
    const results = await measure(
      {
        '1 process': { base: one.embeddedUrl, session, static: false },
        '2 processes': { base: two.embeddedUrl, session, static: false },
      },
      options,
      'server-cost (postgres)',
    );
    return {
      title: `1 against 2 server processes (node:cluster, one port) on one Postgres database, autocannon ${CONNECTIONS} connections from the same 2-core machine`,
      columns: [
        'route',
        '1 process req/s',
        'p50 ms',
        'p99 ms',
        '2 processes req/s',
        'p50 ms',
        'p99 ms',
        '2 vs 1',
      ],
      rows: ROUTES.map((route) => {
        const a = results['1 process']![route.name]!;
        const b = results['2 processes']![route.name]!;
        return [
          route.name,
          integer(a.requestsPerSecond),
          ms(a.p50),
          ms(a.p99),
          integer(b.requestsPerSecond),
          ms(b.p50),
          ms(b.p99),
          times(b.requestsPerSecond / a.requestsPerSecond),
        ];
      }),
    };
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
    await postgres.close();
  }
}

/**
 * Part 3b: what a request costs the server itself. Every learner route against a hand-written
 * floor (the same statements on the same driver and file, by hand, in a minimal Express app) and
 * a static route, side by side; then 1 against 2 server processes on Postgres.
 */
export const serverCostModule: BenchModule = {
  id: 'server-cost',
  async run(options): Promise<Section> {
    const dir = mkdtempSync(join(tmpdir(), 'waffle-bench-cost-'));
    try {
      const sqlite = await sqliteTable(options, dir);
      const scaleOut = await postgresTable(options);
      return {
        title: 'HTTP: the server’s own request cost against a floor, and scaling out',
        tables: [sqlite.table, scaleOut],
        notes: [
          ...sqlite.verdicts,
          'The floor runs, per request, the statements the server runs (`@waffle-kit/server/internal`: the session row with the snapshot version, then the route’s reads) on its own sqlite3 connection to the same file, with the user cached per version as the server does; it has no flags, CSRF, security headers, cookies middleware or database-outage fallbacks. `/waffle_status` on the floor is its `/api/auth/me` (identity only).',
          'The static route is the server’s own app serving a 1 KB index.html with express.static to an anonymous request (no database).',
          'Scaling out: both set-ups run at once on one scratch Postgres database and are loaded in alternating rounds; autocannon shares the two cores with the server processes, so 2 processes cannot reach 2× here (see BENCHMARKS.md for the 10-machine plan).',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
