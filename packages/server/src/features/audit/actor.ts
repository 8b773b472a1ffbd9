import type { Request } from 'express';
import { getRequestUser } from '../auth/request-user.js';

/** Who makes a change, for the audit log (null: a CLI or seed without a user). */
export interface Actor {
  readonly username: string | null;
}

/** The actor of an admin request: the user authentication found for it. */
export function actorOf(req: Request): Actor {
  return { username: getRequestUser(req)?.username ?? null };
}
