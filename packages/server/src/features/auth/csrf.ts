import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { overHttps } from '../../security/over-https.js';
import { isBearerRequest } from './authenticate.js';

export const CSRF_COOKIE = 'csrftoken';
export const CSRF_HEADER = 'x-csrftoken';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** A fresh random CSRF token in the `csrftoken` cookie (at first contact and at every login). */
export function setCsrfCookie(res: Response, secure: boolean): string {
  const token = randomBytes(24).toString('base64url');
  // Readable by the page's JavaScript on purpose: it copies it into the X-CSRFToken header.
  res.cookie(CSRF_COOKIE, token, { sameSite: 'lax', secure, path: '/', maxAge: 365 * 24 * 60 * 60 * 1000 });
  return token;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Double-submit CSRF check: every unsafe method needs an `X-CSRFToken` header equal to the
 * `csrftoken` cookie, except the paths in `exempt` (login) and bearer-token requests (a browser
 * never sends those by itself). A request without the cookie gets one, so the page can read it.
 * `secure` forces `Secure` on that cookie; HTTPS requests get it anyway.
 */
export function csrfProtection(options: { exempt: readonly string[]; secure: boolean }): RequestHandler {
  const exempt = new Set(options.exempt);
  return (req: Request, res, next) => {
    if (isBearerRequest(req)) return next();
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    if (typeof cookie !== 'string' || cookie === '') setCsrfCookie(res, overHttps(req, options.secure));
    if (SAFE_METHODS.has(req.method) || exempt.has(req.path)) return next();
    const header = req.get(CSRF_HEADER);
    if (typeof cookie !== 'string' || cookie === '' || !header || !same(cookie, header)) {
      return next(
        new AppError(
          403,
          'csrf_failed',
          'CSRF check failed: send the csrftoken cookie value in the X-CSRFToken header.',
        ),
      );
    }
    next();
  };
}
