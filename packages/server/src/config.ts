import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidFlagName } from '@waffle-kit/core';

/** Everything the server reads from the environment, typed and checked once at start. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  /** Signs session ids; generated at start when `WAFFLE_SECRET` is unset (sessions then die with the process). */
  readonly secret: string;
  readonly secretGenerated: boolean;
  /** `WAFFLE_SUPERUSER=name:password`: created or updated at start. */
  readonly superuser: { readonly username: string; readonly password: string } | null;
  /** `WAFFLE_SEED=demo` loads the demo data. */
  readonly seed: 'demo' | null;
  /** How often the snapshot checks the version row for changes made by other processes. */
  readonly pollIntervalMs: number;
  /** Built apps served by the same process when their folder exists. */
  readonly learnerPortalDir: string;
  readonly adminPortalDir: string;
  /** `WAFFLE_SECURE_COOKIES=1`: every cookie gets `Secure`, whatever the request says. */
  readonly secureCookies: boolean;
  /**
   * `WAFFLE_TRUST_PROXY` (absent: false): Express's `trust proxy` (false, a hop count, or addresses/CIDRs and
   * `loopback`/`linklocal`/`uniquelocal`). Decides `req.ip` (login throttling) and `req.secure`
   * (`Secure` cookies behind an HTTPS proxy) from the `X-Forwarded-*` headers of those proxies only.
   */
  readonly trustProxy?: TrustProxy;
  /** `WAFFLE_FLAG_SETS`: the flag sets the learner routes serve (undefined: every flag). */
  readonly flagSets?: readonly string[];
}

/** A value Express's `app.set('trust proxy', ...)` accepts, minus `true` (trust every hop). */
export type TrustProxy = false | number | readonly string[];

export const DEFAULT_DATABASE_URL = 'sqlite:./data/waffle.sqlite';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A problem with the environment: the message says which variable and what it should look like. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}".`);
  }
  return port;
}

function parseSuperuser(value: string | undefined): ServerConfig['superuser'] {
  if (!value) return null;
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    throw new ConfigError('WAFFLE_SUPERUSER must look like "name:password" (both parts non-empty).');
  }
  return { username: value.slice(0, colon), password: value.slice(colon + 1) };
}

function parseSeed(value: string | undefined): ServerConfig['seed'] {
  if (!value) return null;
  if (value === 'demo') return 'demo';
  throw new ConfigError(`WAFFLE_SEED knows only "demo", got "${value}".`);
}

function parseDatabaseUrl(value: string | undefined): string {
  const url = value || DEFAULT_DATABASE_URL;
  if (!/^(sqlite:|postgres:|postgresql:)/.test(url)) {
    throw new ConfigError(
      `DATABASE_URL must start with "sqlite:" or "postgres://", got "${url}". Example: ${DEFAULT_DATABASE_URL}`,
    );
  }
  return url;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length > 0) {
    throw new ConfigError(
      `WAFFLE_TRUST_PROXY must be a hop count (e.g. "1"), or a comma-separated list of proxy addresses, CIDRs and loopback/linklocal/uniquelocal (e.g. "loopback, 10.0.0.0/8"); "${bad.join('", "')}" is none of these.${value === 'true' ? ' "true" would trust X-Forwarded-For from anyone: give the hop count instead.' : ''}`,
    );
  }
  return entries;
}

/** `WAFFLE_FLAG_SETS=learner-portal,admin`: comma-separated flag set names. */
function parseFlagSets(value: string | undefined): readonly string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const sets = value.split(',').map((set) => set.trim());
  const bad = sets.filter((set) => !isValidFlagName(set));
  if (bad.length > 0) {
    throw new ConfigError(
      `WAFFLE_FLAG_SETS must be comma-separated flag set names (1-100 characters of letters, digits, "_", "." or "-"); "${bad.join('", "')}" is not one.`,
    );
  }
  return sets;
}

/**
 * Reads the environment into a `ServerConfig`; a bad value throws a `ConfigError` naming the
 * variable, so a misconfigured server stops before it listens.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const secret = env.WAFFLE_SECRET;
  const poll = Number(env.WAFFLE_POLL_INTERVAL_MS ?? 500);
  if (!Number.isFinite(poll) || poll < 10) {
    throw new ConfigError('WAFFLE_POLL_INTERVAL_MS must be a number of milliseconds >= 10.');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    secret: secret || randomBytes(32).toString('base64url'),
    secretGenerated: !secret,
    superuser: parseSuperuser(env.WAFFLE_SUPERUSER),
    seed: parseSeed(env.WAFFLE_SEED),
    pollIntervalMs: poll,
    learnerPortalDir: env.WAFFLE_LEARNER_PORTAL_DIR || join(repoRoot, 'apps', 'learner-portal', 'dist'),
    adminPortalDir: env.WAFFLE_ADMIN_PORTAL_DIR || join(repoRoot, 'apps', 'admin-portal', 'dist'),
    secureCookies: env.WAFFLE_SECURE_COOKIES === '1',
    trustProxy: parseTrustProxy(env.WAFFLE_TRUST_PROXY),
    flagSets: parseFlagSets(env.WAFFLE_FLAG_SETS),
  };
}
