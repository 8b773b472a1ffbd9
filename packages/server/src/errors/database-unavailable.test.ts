import {
  ConnectionAcquireTimeoutError,
  ConnectionRefusedError,
  DatabaseError,
  UniqueConstraintError,
} from 'sequelize';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './app-error.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable.js';

/** A driver error as sqlite3 and pg raise them: a message and a code. */
const driverError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises lost connections, pool timeouts and unusable SQLite files', () => {
    const unavailable = [
      new ConnectionRefusedError(driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')),
      new ConnectionAcquireTimeoutError(new Error('Operation timeout')),
      new DatabaseError(driverError('SQLITE_NOTADB: file is not a database', 'SQLITE_NOTADB') as never),
      new DatabaseError(
        driverError('SQLITE_CANTOPEN: unable to open database file', 'SQLITE_CANTOPEN') as never,
      ),
      new DatabaseError(driverError('terminating connection due to administrator command', '57P01') as never),
      new DatabaseError(driverError('the database system is starting up', '57P03') as never),
      new Error('Connection terminated unexpectedly'),
      new DatabaseUnavailableError(),
    ];
    expect(unavailable.map(isDatabaseUnavailable)).toEqual(unavailable.map(() => true));
  });

  it('leaves bad input, constraint violations and bugs alone', () => {
    const others = [
      new ValidationError('bad'),
      new UniqueConstraintError({ message: 'Validation error' }),
      new DatabaseError(driverError('SQLITE_ERROR: no such column: x', 'SQLITE_ERROR') as never),
      new DatabaseError(driverError('syntax error at or near "x"', '42601') as never),
      new TypeError('Cannot read properties of undefined'),
      null,
      'text',
    ];
    expect(others.map(isDatabaseUnavailable)).toEqual(others.map(() => false));
  });
});
