export {
  AppError,
  ConflictError,
  type FieldErrors,
  NotAuthenticatedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ValidationError,
} from './app-error.js';
export {
  DATABASE_RETRY_AFTER_SECONDS,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
} from './database-unavailable.js';
export { errorHandler, notFoundHandler } from './error-handler.js';
