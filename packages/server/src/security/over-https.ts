import type { Request } from 'express';

/**
 * Whether this request is served over HTTPS, which decides `Secure` cookies, HSTS and
 * `upgrade-insecure-requests`: always when the deployment declares it (`WAFFLE_SECURE_COOKIES=1`),
 * otherwise when Express sees the request as secure (`req.secure`: TLS, or a proxy's
 * `X-Forwarded-Proto: https`, believed only when `WAFFLE_TRUST_PROXY` trusts that proxy).
 */
export function overHttps(req: Request, declared: boolean | undefined): boolean {
  return declared === true || req.secure;
}
