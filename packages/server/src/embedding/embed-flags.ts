import { evaluateAll, evaluateSwitches, type TestingCookie } from '@waffle-kit/core';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import { overHttps } from '../security/over-https.js';
import type { FlagSnapshot } from '../snapshot/flag-snapshot.js';
import { ensureAnonymousId } from './anonymous-id.js';
import { buildEvaluationContext } from './request-context.js';
import { getRequestUser } from './request-user.js';
import { setTestingCookies } from './testing-cookies.js';

/** What a route tells the middleware about the flags its response should carry. */
export interface FlagScope {
  /** Evaluate `enterprise_features` for this customer (null: global). */
  readonly enterpriseCustomerUuid?: string | null;
  /** List routes: also add `enterprise_features_by_customer` for these customers. */
  readonly byCustomer?: readonly string[];
}

/** The wire format's `enterprise_features_meta` (docs/wire-format.md). */
export interface EnterpriseFeaturesMeta {
  readonly version: number;
  readonly evaluated_at: number;
  readonly username: string | null;
  readonly enterprise_customer_uuid: string | null;
}

const scopes = new WeakMap<Response, FlagScope>();

/**
 * Tells `embedFlags` which customer the response is about (and, for a list, which customers to
 * evaluate one by one). Call it in the route before `res.json(...)`.
 */
export function flagScope(res: Response, scope: FlagScope): void {
  scopes.set(res, { ...scopes.get(res), ...scope });
}

export interface EmbedFlagsOptions {
  readonly snapshot: FlagSnapshot;
  readonly logger: Logger;
  /** `Secure` on the anonymous-id and testing cookies even over plain HTTP (HTTPS gets it anyway). */
  readonly secureCookies?: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Evaluates every flag for the request and returns the fields to add to its response body. Pure
 * reads of the in-memory snapshot: no database query.
 */
export function evaluateForResponse(
  req: Request,
  res: Response,
  options: EmbedFlagsOptions,
  scope: FlagScope = {},
): Record<string, unknown> {
  const { snapshot } = options;
  const compiled = snapshot.compiled;
  const version = snapshot.version;
  const user = getRequestUser(req) ?? null;
  const secure = overHttps(req, options.secureCookies);
  const anonymousId = user === null ? ensureAnonymousId(req, res, secure) : null;
  const uuid = scope.enterpriseCustomerUuid ?? null;
  const cookies: TestingCookie[] = [];
  const base = { user, anonymousId };
  const features = evaluateAll(
    compiled,
    buildEvaluationContext(req, { ...base, enterpriseCustomerUuid: uuid }),
    cookies,
  );
  const fields: Record<string, unknown> = { enterprise_features: features };
  if (scope.byCustomer) {
    const byCustomer: Record<string, Record<string, boolean>> = {};
    for (const customer of scope.byCustomer) {
      byCustomer[customer] = evaluateAll(
        compiled,
        buildEvaluationContext(req, { ...base, enterpriseCustomerUuid: customer }),
      );
    }
    fields.enterprise_features_by_customer = byCustomer;
  }
  const meta: EnterpriseFeaturesMeta = {
    version,
    evaluated_at: Date.now(),
    username: user?.username ?? null,
    enterprise_customer_uuid: uuid,
  };
  fields.enterprise_features_meta = meta;
  // Switches know no user or customer: the snapshot's one frozen map.
  fields.waffle_switches = evaluateSwitches(compiled);
  setTestingCookies(res, dedupe(cookies), secure);
  return fields;
}

function dedupe(cookies: readonly TestingCookie[]): TestingCookie[] {
  return [...new Map(cookies.map((cookie) => [cookie.name, cookie])).values()];
}

/**
 * Express middleware for any JSON route: wraps `res.json` so a successful object response gains
 * `enterprise_features`, `enterprise_features_meta`, `waffle_switches` and (when the route asked through
 * `flagScope`) `enterprise_features_by_customer`. It never throws: a failure is logged and the
 * host's response goes out unchanged.
 *
 * @example
 * app.get('/api/courses', embedFlags({ snapshot, logger }), (req, res) => {
 *   flagScope(res, { enterpriseCustomerUuid: req.query.enterprise_customer_uuid });
 *   res.json({ results: courses });
 * });
 */
export function embedFlags(options: EmbedFlagsOptions): RequestHandler {
  return (req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body?: unknown) => {
      if (isPlainObject(body) && res.statusCode < 400) {
        try {
          body = { ...body, ...evaluateForResponse(req, res, options, scopes.get(res)) };
        } catch (error) {
          options.logger.error('embedding flags failed; the response goes out without them', {
            path: req.path,
            error,
          });
        }
      }
      return json(body);
    };
    next();
  };
}
