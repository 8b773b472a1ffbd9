/**
 * `@waffle-kit/server`: what an application needs to run the server or embed flags in its own
 * Express app. Parts only the project's own tools use are in `@waffle-kit/server/internal`.
 */
export { type AppDeps, createApp } from './app.js';
export { ConfigError, DEFAULT_DATABASE_URL, loadConfig, type ServerConfig } from './config.js';
export type { InTransaction, WriteContext } from './db/transaction.js';
export { DEMO_ACCOUNTS, DEMO_ENTERPRISES, seedDemoData } from './demo-api/demo-seed.js';
export {
  createEmbedding,
  type EmbeddedFlags,
  type Embedding,
  type EmbeddingOptions,
  type EmbeddingScope,
  type FlagMeta,
} from './embedding/embedding.js';
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
export type { RequestUser } from './features/auth/request-user.js';
export { consoleLogger, type Logger, silentLogger } from './logger.js';
export { openRuntime, type RuntimeOptions, type WaffleRuntime } from './runtime.js';
export { type RunningServer, type StartServerOptions, startServer } from './server.js';
export type { SnapshotCache } from './snapshot/snapshot-cache.js';
export type { VersionedSnapshot } from './snapshot/versioned-snapshot.js';
export {
  type CreateWaffleOptions,
  createWaffle,
  type Explanation,
  type FlagOptions,
  type Waffle,
} from './waffle.js';
