import { NotAuthenticatedError, PermissionDeniedError } from '../errors/app-error.js';
import type { RequestUser } from '../features/auth/request-user.js';

/** Staff and superusers may look at any enterprise customer (their flags are evaluated as non-members). */
export function canSeeAnyEnterprise(user: RequestUser): boolean {
  return user.isStaff || user.isSuperuser;
}

/**
 * A learner may ask only about enterprise customers they are an active, linked member of:
 * anyone else gets 403, anonymous requests 401.
 */
export function assertEnterpriseAccess(user: RequestUser | null | undefined, uuid: string): RequestUser {
  if (!user) throw new NotAuthenticatedError();
  if (!canSeeAnyEnterprise(user) && !user.linkedEnterpriseCustomerUuids.includes(uuid)) {
    throw new PermissionDeniedError('You are not linked to this enterprise customer.');
  }
  return user;
}

export function requireUser(user: RequestUser | null | undefined): RequestUser {
  if (!user) throw new NotAuthenticatedError();
  return user;
}
