import type { LoginResponse, MeResponse, SessionUser } from '@waffle-kit/contract';
import { API_PATHS, type ApiPath, AUTH_PREFIX, below } from '@waffle-kit/contract/routes';
import { Router } from 'express';
import {
  AppError,
  NotAuthenticatedError,
  RateLimitedError,
  ValidationError,
} from '../../errors/app-error.js';
import { overHttps } from '../../security/over-https.js';
import { SESSION_COOKIE, sessionToken } from './authenticate.js';
import { checkCredentials } from './credentials.js';
import { setCsrfCookie } from './csrf.js';
import type { LoginRateLimiter } from './login-rate-limit.js';
import { getRequestUser, type RequestUser } from './request-user.js';
import { SESSION_LIFETIME_MS, type SessionStore } from './session-store.js';

export const LOGIN_PATH = API_PATHS.login;
const authPath = (path: ApiPath) => below(AUTH_PREFIX, path);

/** The `user` of `/api/auth/me` and the login response. */
export function userJson(user: RequestUser): SessionUser {
  return {
    id: user.id,
    username: user.username,
    is_staff: user.isStaff,
    is_superuser: user.isSuperuser,
    language: user.language,
    groups: [...user.groups],
    linked_enterprise_customer_uuids: [...user.linkedEnterpriseCustomerUuids],
  };
}

export interface AuthRoutesDeps {
  readonly sessions: SessionStore;
  /** Counts failed logins (shared by every process on the database). */
  readonly limiter: LoginRateLimiter;
  /** `WAFFLE_SECURE_COOKIES=1`: `Secure` cookies even when the request does not look like HTTPS. */
  readonly secureCookies: boolean;
}

/**
 * `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. A login always starts a
 * new session (and CSRF token) and ends the one the request came with, so a session id planted
 * before login is worth nothing after it.
 */
export function authRoutes({ sessions, limiter, secureCookies }: AuthRoutesDeps): Router {
  const router = Router();

  router.post(authPath(API_PATHS.login), async (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    if (typeof username !== 'string' || username === '') fields.username = 'Enter a username.';
    if (typeof password !== 'string' || password === '') fields.password = 'Enter a password.';
    if (typeof username !== 'string' || typeof password !== 'string' || Object.keys(fields).length > 0) {
      throw new ValidationError('Username and password are required.', fields);
    }
    const admission = await limiter.admit(String(req.ip), username.toLowerCase());
    if (!admission.admitted) {
      res.set('Retry-After', String(Math.ceil(admission.retryAfterMs / 1000)));
      throw new RateLimitedError('Too many failed logins; wait before trying again.');
    }
    const user = await checkCredentials(username, password);
    if (!user) {
      throw new AppError(401, 'invalid_credentials', 'The username or password is wrong.');
    }
    await limiter.succeeded(admission.attempt);
    const previous = sessionToken(req);
    if (previous) await sessions.destroy(previous.token);
    const token = await sessions.create(user.id);
    const secure = overHttps(req, secureCookies);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: SESSION_LIFETIME_MS,
    });
    setCsrfCookie(res, secure);
    const loaded = await sessions.findUser(token);
    res.json({ user: loaded ? userJson(loaded) : null } satisfies LoginResponse);
  });

  router.post(authPath(API_PATHS.logout), async (req, res) => {
    const current = sessionToken(req);
    if (current) await sessions.destroy(current.token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get(authPath(API_PATHS.me), (req, res) => {
    const user = getRequestUser(req);
    if (!user) throw new NotAuthenticatedError();
    res.json({ user: userJson(user) } satisfies MeResponse);
  });

  return router;
}
