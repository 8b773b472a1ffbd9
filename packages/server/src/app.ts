import { ADMIN_PREFIX, AUTH_PREFIX } from '@waffle-kit/contract/routes';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { TrustProxy } from './config.js';
import { rawReader } from './db/raw-query.js';
import { enterpriseLearnerRoutes } from './demo-api/enterprise-learner-routes.js';
import { learnerDashboardRoutes } from './demo-api/learner-dashboard-routes.js';
import { LearnerStore } from './demo-api/learner-store.js';
import { waffleStatusRoutes } from './demo-api/waffle-status-routes.js';
import { createEmbedding } from './embedding/embedding.js';
import { errorHandler, JSON_BODY_LIMIT, notFoundHandler } from './errors/error-handler.js';
import { adminRoutes } from './features/admin/admin-routes.js';
import { authRoutes, LOGIN_PATH } from './features/auth/auth-routes.js';
import { authenticate } from './features/auth/authenticate.js';
import { csrfProtection } from './features/auth/csrf.js';
import {
  DEFAULT_LOGIN_LIMITS,
  type LoginLimits,
  LoginRateLimiter,
} from './features/auth/login-rate-limit.js';
import { rejectNulCharacters } from './features/shared/reject-nul-characters.js';
import type { WaffleRuntime } from './runtime.js';
import { securityHeaders } from './security/security-headers.js';
import { staticApp } from './static/static-apps.js';

export interface AppDeps {
  readonly runtime: WaffleRuntime;
  readonly secureCookies?: boolean;
  /** Built apps to serve at `/` and `/admin/` when their folder has an `index.html`. */
  readonly learnerPortalDir?: string;
  readonly adminPortalDir?: string;
  /**
   * Failed logins allowed per address and username, per address and per account in a window
   * (DEFAULT_LOGIN_LIMITS), counted in the database: every process on it should use the same.
   */
  readonly loginLimits?: LoginLimits;
  /**
   * Express `trust proxy`: whose `X-Forwarded-For`/`-Proto` decide `req.ip` and `req.secure` (none
   * by default). `true` trusts every hop; `WAFFLE_TRUST_PROXY` refuses it, a library caller may choose it.
   */
  readonly trustProxy?: TrustProxy | true;
  /** false: the routes answer without flags (the bench's "embedding skipped" variant). Default true. */
  readonly embedding?: boolean;
  /**
   * The flag sets the learner routes (enterprise-learner list, dashboard BFF, `/waffle_status`)
   * serve: only their flags are evaluated and embedded. Default: every flag.
   */
  readonly flagSets?: readonly string[];
}

/** The Express app: every middleware and route, in the order a request meets them. */
export function createApp(deps: AppDeps): Express {
  const { runtime } = deps;
  const secure = deps.secureCookies ?? false;
  const embedding = createEmbedding({
    snapshot: runtime.snapshot,
    logger: runtime.logger,
    secureCookies: secure,
    enabled: deps.embedding ?? true,
    sets: deps.flagSets,
  });
  const app = express();

  app.disable('x-powered-by');
  const trustProxy = deps.trustProxy ?? false;
  app.set('trust proxy', Array.isArray(trustProxy) ? [...trustProxy] : trustProxy);
  app.use(securityHeaders({ https: secure }));
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  app.use(rejectNulCharacters);
  app.use(cookieParser());
  app.use(authenticate(runtime.sessions, runtime.logger));
  app.use(csrfProtection({ exempt: [LOGIN_PATH], secure }));

  app.use(
    AUTH_PREFIX,
    authRoutes({
      sessions: runtime.sessions,
      limiter: new LoginRateLimiter(runtime.sequelize, deps.loginLimits ?? DEFAULT_LOGIN_LIMITS),
      secureCookies: secure,
    }),
  );
  const learner = new LearnerStore(rawReader(runtime.sequelize));
  app.use(enterpriseLearnerRoutes(embedding, learner, runtime.logger));
  app.use(learnerDashboardRoutes(embedding, learner, runtime.logger));
  app.use(waffleStatusRoutes(embedding, runtime.snapshot));
  app.use(ADMIN_PREFIX, adminRoutes(runtime.inTransaction, runtime.snapshot));

  app.use(['/api', '/enterprise/api'], notFoundHandler);
  const admin = deps.adminPortalDir ? staticApp(deps.adminPortalDir) : null;
  if (admin) app.use('/admin', admin);
  const portal = deps.learnerPortalDir ? staticApp(deps.learnerPortalDir) : null;
  if (portal) app.use('/', portal);

  app.use(errorHandler(runtime.logger));
  return app;
}
