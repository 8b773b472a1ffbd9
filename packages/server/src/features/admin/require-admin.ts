import type { Request, RequestHandler } from 'express';
import { getRequestUser } from '../../embedding/request-user.js';
import { NotAuthenticatedError, PermissionDeniedError } from '../../errors/app-error.js';

/** Admin routes: 401 without a session, 403 for a learner; staff and superusers pass. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  const user = getRequestUser(req);
  if (!user) return next(new NotAuthenticatedError());
  if (!user.isStaff && !user.isSuperuser) {
    return next(new PermissionDeniedError('The admin API needs a staff or superuser account.'));
  }
  next();
};

/** Who makes a change, for the audit log (null: a CLI or seed without a user). */
export interface Actor {
  readonly username: string | null;
}

export function actorOf(req: Request): Actor {
  return { username: getRequestUser(req)?.username ?? null };
}
