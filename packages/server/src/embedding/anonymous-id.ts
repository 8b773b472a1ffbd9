import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

export const ANONYMOUS_ID_COOKIE = 'waffle_anonymous_id';
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const VALID = /^[A-Za-z0-9-]{8,64}$/;

const assigned = new WeakMap<Request, string>();

/**
 * The anonymous visitor's bucketing subject: the `waffle_anonymous_id` cookie, or a new id that
 * is set as a long-lived, HttpOnly, SameSite=Lax cookie on `res`, so the same visitor keeps the
 * same percentage answers across requests.
 */
export function ensureAnonymousId(req: Request, res: Response, secure = false): string {
  const existing = assigned.get(req) ?? readAnonymousId(req);
  if (existing) return existing;
  const id = randomUUID();
  assigned.set(req, id);
  if (!res.headersSent) {
    res.cookie(ANONYMOUS_ID_COOKIE, id, {
      maxAge: ONE_YEAR_MS,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
    });
  }
  return id;
}

/** The anonymous id the request carries, if it is well-formed. */
export function readAnonymousId(req: Request): string | undefined {
  const value: unknown = req.cookies?.[ANONYMOUS_ID_COOKIE];
  return typeof value === 'string' && VALID.test(value) ? value : undefined;
}
