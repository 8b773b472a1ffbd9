import type { TestingCookie } from '@waffle-kit/core';
import type { Response } from 'express';

/**
 * Sets the `dwft_<name>` session cookies testing mode asks for (a `?dwft_` query or `dwft-`
 * header value is remembered for the rest of the browser session, as in Waffle).
 */
export function setTestingCookies(res: Response, cookies: readonly TestingCookie[], secure = false): void {
  if (res.headersSent) return;
  for (const cookie of cookies) {
    res.cookie(cookie.name, cookie.value, { sameSite: 'lax', secure, path: '/' });
  }
}
