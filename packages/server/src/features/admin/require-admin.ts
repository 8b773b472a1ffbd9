import type { RequestHandler } from 'express';
import { NotAuthenticatedError, PermissionDeniedError } from '../../errors/app-error.js';
import { getRequestUser } from '../auth/request-user.js';

/** Admin routes: 401 without a session, 403 for a learner; staff and superusers pass. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  const user = getRequestUser(req);
  if (!user) return next(new NotAuthenticatedError());
  if (!user.isStaff && !user.isSuperuser) {
    return next(new PermissionDeniedError('The admin API needs a staff or superuser account.'));
  }
  next();
};
