export { type AppDeps, createApp } from './app.js';
export { ConfigError, DEFAULT_DATABASE_URL, loadConfig, type ServerConfig } from './config.js';
export { migrate } from './db/migrate.js';
export { fromTenths, toTenths } from './db/percent.js';
export { openDatabase } from './db/sequelize.js';
export { createInTransaction, type InTransaction, type WriteContext } from './db/transaction.js';
export { DEMO_ACCOUNTS, DEMO_ENTERPRISES, seedDemoData } from './demo-api/demo-seed.js';
export { ANONYMOUS_ID_COOKIE, ensureAnonymousId } from './embedding/anonymous-id.js';
export {
  createEmbedding,
  type EmbeddedFlags,
  type Embedding,
  type EmbeddingOptions,
  type EmbeddingScope,
  type FlagMeta,
} from './embedding/embedding.js';
export { buildEvaluationContext } from './embedding/request-context.js';
export { getRequestUser, type RequestUser, setRequestUser, toFlagUser } from './embedding/request-user.js';
export {
  AppError,
  ConflictError,
  NotAuthenticatedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ValidationError,
} from './errors/app-error.js';
export { errorHandler } from './errors/error-handler.js';
export { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './features/auth/login-rate-limit.js';
export { hashPassword, verifyPassword } from './features/auth/password.js';
export { consoleLogger, type Logger, silentLogger } from './logger.js';
export { openRuntime, type RuntimeOptions, type WaffleRuntime } from './runtime.js';
export { type RunningServer, type StartServerOptions, startServer } from './server.js';
export { FlagSnapshot } from './snapshot/flag-snapshot.js';
export type { FlagState } from './snapshot/flag-state.js';
export {
  type CreateWaffleOptions,
  createWaffle,
  type Explanation,
  type FlagOptions,
  type Waffle,
} from './waffle.js';
