import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { AppError, NotFoundError } from './app-error.js';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
} from './database-unavailable.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

function toBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: { ...error.fields } } : {}),
    },
  };
}

/** 404 in the error shape for any `/api` route nobody answered. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError('No such endpoint.'));
};

/**
 * The one place that maps errors to HTTP: an `AppError` keeps its status and code, a body the
 * JSON parser could not read is a 400, a database that is away is a 503 `database_unavailable`
 * with `Retry-After` (the client may retry; nothing was written), anything else is logged and
 * answered with a bare 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (thrown, req, res, next) => {
    if (res.headersSent) return next(thrown);
    let err = thrown;
    if (!(err instanceof AppError) && isDatabaseUnavailable(err)) {
      logger.warn('database unavailable; answered 503', { method: req.method, path: req.path, error: err });
      err = new DatabaseUnavailableError();
    }
    if (err instanceof AppError) {
      if (err instanceof DatabaseUnavailableError)
        res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      res.status(err.status).json(toBody(err));
      return;
    }
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 400 && status < 500 && err?.type === 'entity.parse.failed') {
      res.status(400).json(toBody(new AppError(400, 'invalid_json', 'The request body is not valid JSON.')));
      return;
    }
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .json(toBody(new AppError(status, 'bad_request', String(err?.message ?? 'Bad request.'))));
      return;
    }
    logger.error('request failed', { method: req.method, path: req.path, error: err });
    res.status(500).json(toBody(new AppError(500, 'internal_error', 'Something went wrong on the server.')));
  };
}
