import {
  type CompileOptions,
  describeEvaluation,
  evaluateFlag,
  type FlagEvaluation,
  sampleIsActive as sampleIsActiveIn,
  switchIsActive as switchIsActiveIn,
} from '@waffle-kit/core';
import cookieParser from 'cookie-parser';
import type { Request, RequestHandler } from 'express';
import { createEmbedding, type Embedding, requestContext } from './embedding/embedding.js';
import { authenticate } from './features/auth/authenticate.js';
import { getRequestUser, type RequestUser, setRequestUser } from './features/auth/request-user.js';
import { consoleLogger, type Logger } from './logger.js';
import { openRuntime, type WaffleRuntime } from './runtime.js';
import { overHttps } from './security/over-https.js';

export interface CreateWaffleOptions extends CompileOptions {
  /** `sqlite:./data/waffle.sqlite` or `postgres://...`; migrated on open unless `migrate: false`. */
  readonly databaseUrl: string;
  /** Signs waffle-kit sessions (only used when `getUser` is not given). */
  readonly secret?: string;
  readonly logger?: Logger;
  readonly pollIntervalMs?: number;
  readonly migrate?: boolean;
  /**
   * Finds the request's user in the host app's own auth. Without it, the waffle-kit session
   * cookie (or bearer token) decides.
   */
  readonly getUser?: (req: Request) => RequestUser | null | Promise<RequestUser | null>;
  /**
   * The flag sets this app's responses carry (a `send` scope may name others): only their flags
   * are evaluated. Default: every flag.
   */
  readonly sets?: readonly string[];
}

export interface FlagOptions {
  /** The ADR's `is_enabled(enterprise_customer_uuid=...)`: evaluate for this customer. */
  readonly enterpriseCustomerUuid?: string | null;
}

export interface Explanation extends FlagEvaluation {
  readonly is_active: boolean;
  /** e.g. "on: enterprise percentage 30% for 6d2f..., bucket 212 < 300". */
  readonly description: string;
}

export interface Waffle {
  /** Whether flag `name` is on for the request (its user must be resolved: use `middleware` first). */
  isEnabled(name: string, req: Request, options?: FlagOptions): boolean;
  switchIsActive(name: string): boolean;
  /** A fresh draw on every call, as in Waffle. */
  sampleIsActive(name: string): boolean;
  /** The value and the rule that decided it. */
  explain(name: string, req: Request, options?: FlagOptions): Explanation;
  /**
   * Resolves the request's user and embeds the global flags (no customer) into JSON object
   * responses with a status below 400.
   */
  readonly middleware: RequestHandler;
  /**
   * Answers with flags for a customer: `res.json(body)` plus `enterprise_features` evaluated for
   * `scope.enterpriseCustomerUuid` (and `enterprise_features_by_customer` for `scope.byCustomer`).
   */
  readonly send: Embedding['send'];
  readonly runtime: WaffleRuntime;
  close(): Promise<void>;
}

/**
 * Waffle for a host Express app: the flag snapshot of `databaseUrl`, kept current, and the
 * functions Waffle users know.
 *
 * @example
 * const waffle = await createWaffle({ databaseUrl: process.env.DATABASE_URL! });
 * app.use(waffle.middleware);
 * app.get('/api/thing', (req, res) => {
 *   const on = waffle.isEnabled('enterprise.dashboard_v2', req, { enterpriseCustomerUuid });
 *   res.json({ on }); // also carries enterprise_features
 * });
 */
export async function createWaffle(options: CreateWaffleOptions): Promise<Waffle> {
  const logger = options.logger ?? consoleLogger;
  const runtime = await openRuntime({
    databaseUrl: options.databaseUrl,
    secret: options.secret ?? 'waffle-kit-library',
    logger,
    pollIntervalMs: options.pollIntervalMs,
    migrate: options.migrate,
    compileOptions: {
      override: options.override,
      flagDefault: options.flagDefault,
      switchDefault: options.switchDefault,
      sampleDefault: options.sampleDefault,
    },
  });
  const parseCookies = cookieParser();
  const sessionAuth = authenticate(runtime.sessions, logger);
  const embedding = createEmbedding({ snapshot: runtime.snapshot, logger, sets: options.sets });
  const warnedUnknown = new Set<string>();

  const resolveUser: RequestHandler = async (req, res, next) => {
    if (getRequestUser(req) !== undefined) return next();
    if (!options.getUser) return sessionAuth(req, res, next);
    try {
      setRequestUser(req, await options.getUser(req));
    } catch (error) {
      logger.error('getUser failed; treating the request as anonymous', { error });
      setRequestUser(req, null);
    }
    next();
  };

  const middleware: RequestHandler = (req, res, next) => {
    const afterCookies = () => resolveUser(req, res, () => embedding.middleware(req, res, next));
    if (req.cookies === undefined) parseCookies(req, res, afterCookies);
    else afterCookies();
  };

  const evaluateOne = (name: string, req: Request, flagOptions: FlagOptions = {}): FlagEvaluation => {
    // The embedding's own context: a first-time anonymous visitor gets the same id (and cookie) here.
    const ctx = requestContext(req, req.res, overHttps(req, undefined));
    const result = evaluateFlag(runtime.snapshot.compiled, name, {
      ...ctx,
      enterpriseCustomerUuid: flagOptions.enterpriseCustomerUuid ?? null,
    });
    if (result.reason === 'unknown' && !warnedUnknown.has(name)) {
      warnedUnknown.add(name);
      logger.warn(`unknown flag "${name}": using the default`);
    }
    return result;
  };

  return {
    isEnabled: (name, req, flagOptions) => evaluateOne(name, req, flagOptions).value,
    switchIsActive: (name) => switchIsActiveIn(runtime.snapshot.compiled, name),
    sampleIsActive: (name) => sampleIsActiveIn(runtime.snapshot.compiled, name),
    explain(name, req, flagOptions) {
      const result = evaluateOne(name, req, flagOptions);
      return { ...result, is_active: result.value, description: describeEvaluation(result) };
    },
    middleware,
    send: embedding.send,
    runtime,
    close: () => runtime.close(),
  };
}
