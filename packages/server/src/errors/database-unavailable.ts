import { ConnectionError } from 'sequelize';
import { AppError } from './app-error.js';

/** Seconds a client should wait before retrying while the database is away (the `Retry-After` header). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503: the database cannot be reached right now; the request changed nothing and may be retried. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The database is unavailable right now; nothing was changed. Try again shortly.') {
    super(503, 'database_unavailable', message);
  }
}

/** SQLite result codes that mean the file cannot be used, not that the statement was wrong. */
const SQLITE_UNAVAILABLE = /^SQLITE_(CANTOPEN|NOTADB|IOERR|CORRUPT|BUSY|LOCKED|FULL|READONLY|PROTOCOL)/;
/**
 * Postgres SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting
 * up), 53300 (too many connections), 40P01 is NOT here (a deadlock is the write's own problem).
 */
const POSTGRES_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
/** Socket errors of a database client. */
const SOCKET_UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND)$/;
/** Messages of drivers and Sequelize that carry no code. */
const MESSAGE_UNAVAILABLE =
  /connection terminated|not queryable|database is closed|connection manager was closed|connection is closed|timeout exceeded when trying to connect|statement timeout/i;

function looksUnavailable(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  return (
    SQLITE_UNAVAILABLE.test(code) ||
    POSTGRES_UNAVAILABLE.test(code) ||
    SOCKET_UNAVAILABLE.test(code) ||
    MESSAGE_UNAVAILABLE.test(message)
  );
}

/**
 * Whether `error` means "the database is away" (connection refused or lost, pool timed out, the
 * SQLite file cannot be opened or is not a database) rather than a bug or bad input. Walks the
 * wrapped driver errors (`original`, `parent`, `cause`) that Sequelize keeps.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    if (current instanceof ConnectionError || current instanceof DatabaseUnavailableError) return true;
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      original?: unknown;
      parent?: unknown;
      cause?: unknown;
    };
    if (looksUnavailable(candidate)) return true;
    current = candidate.original ?? candidate.parent ?? candidate.cause;
  }
  return false;
}
