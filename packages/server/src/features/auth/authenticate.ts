import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../logger.js';
import { setRequestUser } from './request-user.js';
import type { SessionStore } from './session-store.js';

export const SESSION_COOKIE = 'waffle_session';

const bearerRequests = new WeakSet<Request>();

/** The session token of a request: the session cookie, or `Authorization: Bearer <token>` (server-to-server). */
export function sessionToken(req: Request): { token: string; bearer: boolean } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), bearer: true };
  const cookie: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? { token: cookie, bearer: false } : null;
}

/** Whether the request authenticated with a bearer token: no ambient credential, so no CSRF check. */
export function isBearerRequest(req: Request): boolean {
  return bearerRequests.has(req);
}

/**
 * Loads the request's user once (session, groups, enterprise links in one query) and records it
 * for every later step. A failed lookup is logged and the request goes on as anonymous.
 */
export function authenticate(sessions: SessionStore, logger: Logger): RequestHandler {
  return async (req, _res, next) => {
    const found = sessionToken(req);
    let user = null;
    if (found) {
      if (found.bearer) bearerRequests.add(req);
      try {
        user = await sessions.findUser(found.token);
      } catch (error) {
        logger.error('session lookup failed; treating the request as anonymous', { error });
      }
    }
    setRequestUser(req, user);
    next();
  };
}
