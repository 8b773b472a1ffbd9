import type { Request } from 'express';

/**
 * Whether a cookie set for this request gets `Secure`: always with `WAFFLE_SECURE_COOKIES=1`,
 * otherwise when the request came over HTTPS (`req.secure`, which believes a proxy's
 * `X-Forwarded-Proto` only when `WAFFLE_TRUST_PROXY` trusts that proxy).
 */
export function secureCookie(req: Request, always: boolean | undefined): boolean {
  return always === true || req.secure;
}
