import { ANONYMOUS_USER, type FlagUser } from '@waffle-kit/core';
import type { Request } from 'express';

/**
 * The user a request is made for, loaded once by authentication with everything flags need, so
 * evaluating flags for the request needs no database query.
 */
export interface RequestUser {
  readonly id: number;
  readonly username: string;
  readonly isStaff: boolean;
  readonly isSuperuser: boolean;
  readonly language: string | null;
  readonly groups: readonly string[];
  /** Customers the user is an active, linked member of. */
  readonly linkedEnterpriseCustomerUuids: readonly string[];
}

const users = new WeakMap<Request, RequestUser | null>();

/** Authentication calls this once per request (`null`: anonymous). */
export function setRequestUser(req: Request, user: RequestUser | null): void {
  users.set(req, user);
}

/** The user authentication found, `null` for anonymous, `undefined` if no authentication ran. */
export function getRequestUser(req: Request): RequestUser | null | undefined {
  return users.get(req);
}

/** Core's view of a user: an anonymous visitor is core's `ANONYMOUS_USER` (`isAuthenticated: false`). */
export function toFlagUser(user: RequestUser | null): FlagUser {
  if (user === null) return ANONYMOUS_USER;
  return {
    id: user.id,
    username: user.username,
    isAuthenticated: true,
    isStaff: user.isStaff,
    isSuperuser: user.isSuperuser,
    groups: user.groups,
    language: user.language,
    linkedEnterpriseCustomerUuids: user.linkedEnterpriseCustomerUuids,
  };
}
