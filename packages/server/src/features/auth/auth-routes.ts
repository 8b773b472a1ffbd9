import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { User } from '../../db/models/index.js';
import { getRequestUser, type RequestUser } from '../../embedding/request-user.js';
import {
  AppError,
  NotAuthenticatedError,
  RateLimitedError,
  ValidationError,
} from '../../errors/app-error.js';
import { SESSION_COOKIE } from './authenticate.js';
import { setCsrfCookie } from './csrf.js';
import type { LoginRateLimiter } from './login-rate-limit.js';
import { hashPassword, verifyPassword } from './password.js';
import { SESSION_LIFETIME_MS, type SessionStore } from './session-store.js';

export const LOGIN_PATH = '/api/auth/login';

let dummyHash: Promise<string> | undefined;

/** The `user` of `/api/auth/me` and the login response. */
export function userJson(user: RequestUser) {
  return {
    id: user.id,
    username: user.username,
    is_staff: user.isStaff,
    is_superuser: user.isSuperuser,
    language: user.language,
    groups: user.groups,
    linked_enterprise_customer_uuids: user.linkedEnterpriseCustomerUuids,
  };
}

export interface AuthRoutesDeps {
  readonly sessions: SessionStore;
  /** Failed logins per client address and username. */
  readonly perUser: LoginRateLimiter;
  /** Failed logins per client address, whatever the username. */
  readonly perAddress: LoginRateLimiter;
  readonly secureCookies: boolean;
}

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export function authRoutes({ sessions, perUser, perAddress, secureCookies }: AuthRoutesDeps): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    if (typeof username !== 'string' || username === '') fields.username = 'Enter a username.';
    if (typeof password !== 'string' || password === '') fields.password = 'Enter a password.';
    if (typeof username !== 'string' || typeof password !== 'string' || Object.keys(fields).length > 0) {
      throw new ValidationError('Username and password are required.', fields);
    }
    const address = String(req.ip);
    const userKey = `${address}:${username.toLowerCase()}`;
    const wait = Math.max(perAddress.retryAfterMs(address), perUser.retryAfterMs(userKey));
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      throw new RateLimitedError('Too many failed logins; wait before trying again.');
    }
    const user = await User.findOne({ where: { username } });
    // An unknown username costs the same scrypt run, so timing does not tell which names exist.
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
    if (!user?.isActive || !valid) {
      perAddress.fail(address);
      perUser.fail(userKey);
      throw new AppError(401, 'invalid_credentials', 'The username or password is wrong.');
    }
    perUser.reset(userKey);
    const token = await sessions.create(user.id);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      maxAge: SESSION_LIFETIME_MS,
    });
    setCsrfCookie(res, secureCookies);
    const loaded = await sessions.findUser(token);
    res.json({ user: loaded ? userJson(loaded) : null });
  });

  router.post('/logout', async (req, res) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token !== '') await sessions.destroy(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', (req, res) => {
    const user = getRequestUser(req);
    if (!user) throw new NotAuthenticatedError();
    res.json({ user: userJson(user) });
  });

  return router;
}
