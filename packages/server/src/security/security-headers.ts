import type { Request, RequestHandler } from 'express';
import { overHttps } from './over-https.js';

// What the built learner portal and admin page need, and nothing more: every script, style,
// request and image comes from this origin (the admin page's favicon is a `data:` URL). The
// builds have no inline <script> or <style>, and React's `style` props go through the CSSOM,
// which CSP does not block, so neither 'unsafe-inline' nor 'unsafe-eval' is allowed.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The Content-Security-Policy header value; over HTTPS it also upgrades stray http:// requests. */
export function contentSecurityPolicy(https: boolean): string {
  return [...DIRECTIVES, ...(https ? ['upgrade-insecure-requests'] : [])].join('; ');
}

const ALWAYS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// A year; without includeSubDomains, so a server on a shared domain does not pin its siblings.
const HSTS = 'max-age=31536000';

export interface SecurityHeadersOptions {
  /** The deployment is behind HTTPS (the `secureCookies` setting), whatever this hop says. */
  readonly https: boolean;
}

/**
 * Sets the security headers on every response (API JSON, the built apps, errors), before any
 * route runs. HSTS and `upgrade-insecure-requests` only over HTTPS: declared by `https`, or seen
 * on the request (`req.secure`, which honours `X-Forwarded-Proto` when `trust proxy` is on).
 */
export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  return (req: Request, res, next) => {
    const https = overHttps(req, options.https);
    res.set(ALWAYS);
    res.set('Content-Security-Policy', contentSecurityPolicy(https));
    if (https) res.set('Strict-Transport-Security', HSTS);
    next();
  };
}
