import { type EvaluationContext, evaluateAll, evaluateSwitches, type TestingCookie } from '@waffle-kit/core';
import type { Request, RequestHandler, Response } from 'express';
import { getRequestUser } from '../features/auth/request-user.js';
import type { Logger } from '../logger.js';
import { overHttps } from '../security/over-https.js';
import type { SnapshotCache } from '../snapshot/snapshot-cache.js';
import { ensureAnonymousId, readAnonymousId } from './anonymous-id.js';
import { buildEvaluationContext } from './request-context.js';
import { setTestingCookies } from './testing-cookies.js';

/** Which flags a response carries: the customer it is about, and for a list the customers listed. */
export interface EmbeddingScope {
  /** Evaluate `enterprise_features` for this customer (null: global). */
  readonly enterpriseCustomerUuid?: string | null;
  /** List routes: also add `enterprise_features_by_customer` for these customers. */
  readonly byCustomer?: readonly string[];
  /**
   * The flag sets this response serves: only their flags are evaluated and embedded. Default:
   * the embedding's `sets`, else every flag (also every flag while the deployment defines no sets).
   */
  readonly sets?: readonly string[];
}

/** The wire format's `enterprise_features_meta` (docs/wire-format.md). */
export interface FlagMeta {
  readonly version: number;
  readonly evaluated_at: number;
  readonly username: string | null;
  readonly enterprise_customer_uuid: string | null;
}

/** The fields a response with flags gains (docs/wire-format.md). */
export interface EmbeddedFlags {
  readonly enterprise_features: Record<string, boolean>;
  readonly enterprise_features_by_customer?: Record<string, Record<string, boolean>>;
  readonly enterprise_features_meta: FlagMeta;
  readonly waffle_switches: Readonly<Record<string, boolean>>;
}

export interface EmbeddingOptions {
  readonly snapshot: SnapshotCache;
  readonly logger: Logger;
  /** `Secure` on the anonymous-id and testing cookies even over plain HTTP (HTTPS gets it anyway). */
  readonly secureCookies?: boolean;
  /** false: responses go out without flags (the bench's "embedding skipped" variant). Default true. */
  readonly enabled?: boolean;
  /** The flag sets the host app's responses serve when a scope names none (default: every flag). */
  readonly sets?: readonly string[];
}

type Body = Record<string, unknown>;

export interface Embedding {
  /**
   * Evaluates the request's flags for `scope`: the fields to add to its response, or null when
   * embedding is off or evaluation failed (logged: flags never break a host response). Pure reads
   * of the in-memory snapshot; sets the anonymous-id and testing cookies the answer needs.
   */
  flagsFor(req: Request, res: Response, scope?: EmbeddingScope): EmbeddedFlags | null;
  /**
   * The one way a route answers with flags: `res.json(body)` with the flags of `scope` merged
   * in. `body` may be a function of the flags (null: none), for a route such as `/waffle_status`
   * whose own fields are made from them. A status of 400 or more gets no flags.
   *
   * @example
   * embedding.send(req, res, { results }, { enterpriseCustomerUuid: uuid });
   */
  send(
    req: Request,
    res: Response,
    body: Body | ((flags: EmbeddedFlags | null) => Body),
    scope?: EmbeddingScope,
  ): void;
  /**
   * For a host app that answers with `res.json` as usual: every JSON object response below 400
   * gets the global flags (no customer). A route that is about a customer calls `send` instead.
   */
  readonly middleware: RequestHandler;
}

function dedupe(cookies: readonly TestingCookie[]): TestingCookie[] {
  return [...new Map(cookies.map((cookie) => [cookie.name, cookie])).values()];
}

const isPlainObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The request's evaluation context, built once (user, anonymous id, language, query, headers,
 * cookies); each customer's evaluation reuses it with its own uuid. The anonymous id is the one
 * `ensureAnonymousId` gives, so `waffle.isEnabled` and the embedding agree for a first visit.
 */
export function requestContext(req: Request, res: Response | undefined, secure: boolean): EvaluationContext {
  const user = getRequestUser(req) ?? null;
  let anonymousId: string | null = null;
  if (user === null) anonymousId = res ? ensureAnonymousId(req, res, secure) : (readAnonymousId(req) ?? null);
  return buildEvaluationContext(req, { user, anonymousId });
}

export function createEmbedding(options: EmbeddingOptions): Embedding {
  const { snapshot, logger } = options;
  const enabled = options.enabled ?? true;
  const reportedSets = new Set<string>();
  /** A route configured for a set the database lacks embeds nothing from it: say so once per name. */
  const reportUnknownSets = (sets: readonly string[], path: string) => {
    for (const set of snapshot.unknownSets(sets)) {
      if (reportedSets.has(set)) continue;
      reportedSets.add(set);
      logger.warn('a route serves a flag set that does not exist; it adds no flags', { set, path });
    }
  };

  const evaluate = (req: Request, res: Response, scope: EmbeddingScope): EmbeddedFlags => {
    const sets = scope.sets ?? options.sets;
    if (sets) reportUnknownSets(sets, req.path);
    const compiled = snapshot.compiledFor(sets);
    const secure = overHttps(req, options.secureCookies);
    const context = requestContext(req, res, secure);
    const uuid = scope.enterpriseCustomerUuid ?? null;
    const cookies: TestingCookie[] = [];
    const features = evaluateAll(compiled, { ...context, enterpriseCustomerUuid: uuid }, cookies);
    let byCustomer: Record<string, Record<string, boolean>> | undefined;
    if (scope.byCustomer) {
      byCustomer = {};
      for (const customer of scope.byCustomer) {
        byCustomer[customer] = evaluateAll(compiled, { ...context, enterpriseCustomerUuid: customer });
      }
    }
    setTestingCookies(res, dedupe(cookies), secure);
    return {
      enterprise_features: features,
      ...(byCustomer ? { enterprise_features_by_customer: byCustomer } : {}),
      enterprise_features_meta: {
        version: snapshot.version,
        evaluated_at: Date.now(),
        username: getRequestUser(req)?.username ?? null,
        enterprise_customer_uuid: uuid,
      },
      // Switches know no user or customer: the snapshot's one frozen map.
      waffle_switches: evaluateSwitches(compiled),
    };
  };

  const flagsFor = (req: Request, res: Response, scope: EmbeddingScope = {}): EmbeddedFlags | null => {
    if (!enabled || res.statusCode >= 400) return null;
    try {
      return evaluate(req, res, scope);
    } catch (error) {
      logger.error('embedding flags failed; the response goes out without them', { path: req.path, error });
      return null;
    }
  };

  /** Responses `send` answered: the middleware's wrapper lets them through as they are. */
  const sent = new WeakSet<Response>();
  return {
    flagsFor,
    send(req, res, body, scope) {
      const flags = flagsFor(req, res, scope);
      const own = typeof body === 'function' ? body(flags) : body;
      sent.add(res);
      res.json(flags ? { ...own, ...flags } : own);
    },
    middleware(req, res, next) {
      const json = res.json.bind(res);
      res.json = (body?: unknown) => {
        const flags = !sent.has(res) && isPlainObject(body) ? flagsFor(req, res) : null;
        return json(flags ? { ...(body as Body), ...flags } : body);
      };
      next();
    },
  };
}
