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

/** The largest JSON body `createApp` parses (express.json's `limit`), named in the 413's message. */
export const JSON_BODY_LIMIT = '1mb';

/** express.json's own 4xx errors (by their `type`), with a code a client can act on. */
const BODY_PARSER_ERRORS: Record<string, AppError> = {
  'entity.parse.failed': new AppError(400, 'invalid_json', 'The request body is not valid JSON.'),
  'entity.too.large': new AppError(
    413,
    'payload_too_large',
    `The request body is over the ${JSON_BODY_LIMIT} limit.`,
  ),
  'charset.unsupported': new AppError(415, 'unsupported_charset', 'Send the JSON body as UTF-8.'),
  'encoding.unsupported': new AppError(
    415,
    'unsupported_encoding',
    'Send the body uncompressed, or gzip, deflate or br.',
  ),
};

function bodyParserError(err: { status?: unknown; type?: unknown } | undefined): AppError | undefined {
  if (typeof err?.status !== 'number' || err.status < 400 || err.status >= 500) return undefined;
  return typeof err.type === 'string' ? BODY_PARSER_ERRORS[err.type] : undefined;
}

/** 404 in the error shape for any `/api` route nobody answered. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError('No such endpoint.'));
};

/**
 * The one place that maps errors to HTTP: an `AppError` keeps its status and code, a body the
 * JSON parser could not read is a 400 (413 when too large, 415 for a charset or encoding it does not
 * know), a database that is away is a 503 `database_unavailable` with `Retry-After` (the client may
 * retry; nothing was written), anything else is logged and answered with a bare 500.
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
    const bodyError = bodyParserError(err);
    if (bodyError) {
      res.status(bodyError.status).json(toBody(bodyError));
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
