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
export { errorHandler, notFoundHandler } from './error-handler.js';
