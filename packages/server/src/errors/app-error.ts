/** Per-field messages of a rejected input, keyed by field name. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The one error type routes throw. The error handler turns it into
 * `{ "error": { "code", "message", "fields"? } }` with `status`.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: FieldErrors) {
    super(400, 'validation_error', message, fields);
  }
}

export class NotAuthenticatedError extends AppError {
  constructor(message = 'Log in first: this needs a session.') {
    super(401, 'not_authenticated', message);
  }
}

export class PermissionDeniedError extends AppError {
  constructor(message = 'You may not do this.') {
    super(403, 'permission_denied', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fields?: FieldErrors) {
    super(409, 'conflict', message, fields);
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string) {
    super(429, 'rate_limited', message);
  }
}
