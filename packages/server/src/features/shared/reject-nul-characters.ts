import type { RequestHandler } from 'express';
import { ValidationError } from '../../errors/app-error.js';

/** Whether any string or key in a parsed JSON body holds U+0000 (walked with a stack: bodies nest deep). */
function holdsNul(body: unknown): boolean {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * NUL (U+0000) is never valid input: Postgres text cannot hold it (Sequelize quietly stores `\0`
 * instead) and a SQLite statement ends at it. A path, query string or JSON body carrying one is
 * a 400 before any route reads or writes the database.
 */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  if (/%00/.test(req.originalUrl) || holdsNul(req.body)) {
    return next(new ValidationError('Text may not contain the NUL character (U+0000).'));
  }
  next();
};
