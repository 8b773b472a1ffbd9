import { createHmac, randomBytes } from 'node:crypto';
import { Op, type Sequelize } from 'sequelize';
import { EnterpriseCustomerUser, Group, SessionModel, User } from '../../db/models/index.js';
import { type HotQuery, type RawReader, rawReader, timestampMs } from '../../db/raw-query.js';
import type { RequestUser } from './request-user.js';

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
const FALLBACK_LIMIT = 10_000;

type LoadedUser = User & { groups?: Group[]; enterpriseLinks?: EnterpriseCustomerUser[] };

/** The request user of a loaded `User` row with its groups and enterprise links. */
export function toRequestUser(user: LoadedUser): RequestUser {
  return {
    id: user.id,
    username: user.username,
    isStaff: user.isStaff,
    isSuperuser: user.isSuperuser,
    language: user.language ?? null,
    groups: (user.groups ?? []).map((group) => group.name).sort(),
    linkedEnterpriseCustomerUuids: (user.enterpriseLinks ?? [])
      .filter((link) => link.active && link.linked)
      .map((link) => link.enterpriseCustomerUuid)
      .sort(),
  };
}

/** Includes that load everything flags need about a user in the same query. */
export const USER_FOR_FLAGS_INCLUDE = [
  { model: Group, as: 'groups', attributes: ['name'], through: { attributes: [] } },
  {
    model: EnterpriseCustomerUser,
    as: 'enterpriseLinks',
    attributes: ['enterpriseCustomerUuid', 'active', 'linked'],
  },
];

/** Every request's identity read: the session row and the version of all admin-written state, in one round trip. */
export const SESSION_QUERY: HotQuery = {
  name: 'waffle_session_v1',
  sql:
    'SELECT s.user_id, s.expires_at, v.version FROM waffle_sessions s ' +
    'CROSS JOIN waffle_snapshot_version v WHERE s.id = ? AND v.id = 1',
};

/** Users kept in memory per process; the oldest goes first past this. */
export const USER_CACHE_LIMIT = 10_000;

/**
 * Server-side sessions. The cookie holds a random token; the table holds only its HMAC under the
 * server secret.
 *
 * The hot path is one prepared query per request ({@link SESSION_QUERY}): the session row (so a
 * logout in any process is seen by the next request in every process) and the snapshot version,
 * which every admin write bumps in its own transaction (users, groups, enterprise links, flags;
 * see `createInTransaction`). The user with groups and links is kept in a bounded in-process
 * cache tagged with the version it was loaded at, and loaded again (one Sequelize query with
 * its includes) when the version moved: a deactivated user, a changed group or link is seen by
 * the next request in every process, with no wait for LISTEN/NOTIFY or the poll.
 */
export class SessionStore {
  /** The last user seen per session, used only while the database is unreachable. */
  readonly #lastKnown = new Map<string, { user: RequestUser; expiresAt: number }>();
  /** User id -> the user (null: inactive or gone) as of a snapshot version. */
  readonly #users = new Map<number, { version: number; user: RequestUser | null }>();
  readonly #reader: RawReader;

  constructor(
    private readonly secret: string,
    sequelize: Sequelize,
  ) {
    this.#reader = rawReader(sequelize);
  }

  #id(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('hex');
  }

  async create(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await SessionModel.create({
      id: this.#id(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    });
    await SessionModel.destroy({ where: { userId, expiresAt: { [Op.lt]: new Date() } } });
    return token;
  }

  /**
   * The active user of a live session, or null. If the database fails, the user this session
   * had last time (if any) is returned so flags keep working; the error is rethrown otherwise.
   */
  async findUser(token: string): Promise<RequestUser | null> {
    const id = this.#id(token);
    let user: RequestUser | null;
    let expiresAt: number;
    try {
      const [row] = await this.#reader.all(SESSION_QUERY, [id]);
      if (!row) {
        this.#lastKnown.delete(id);
        return null;
      }
      expiresAt = timestampMs(row.expires_at);
      user = expiresAt < Date.now() ? null : await this.#user(Number(row.user_id), Number(row.version));
    } catch (error) {
      const known = this.#lastKnown.get(id);
      if (known && known.expiresAt > Date.now()) return known.user;
      throw error;
    }
    if (!user) {
      this.#lastKnown.delete(id);
      return null;
    }
    if (this.#lastKnown.size >= FALLBACK_LIMIT) this.#lastKnown.clear();
    this.#lastKnown.set(id, { user, expiresAt });
    return user;
  }

  /** The user as of `version`: from the cache, or loaded (and cached) when the cache is older. */
  async #user(userId: number, version: number): Promise<RequestUser | null> {
    const cached = this.#users.get(userId);
    if (cached?.version === version) return cached.user;
    const row = (await User.findOne({
      where: { id: userId },
      attributes: { exclude: ['passwordHash'] },
      include: USER_FOR_FLAGS_INCLUDE,
    })) as LoadedUser | null;
    const user = row?.isActive ? toRequestUser(row) : null;
    // Tagged with the version read before the load: a write in between makes it look old, never new.
    this.#users.delete(userId);
    if (this.#users.size >= USER_CACHE_LIMIT) this.#users.delete(this.#users.keys().next().value!);
    this.#users.set(userId, { version, user });
    return user;
  }

  async destroy(token: string): Promise<void> {
    const id = this.#id(token);
    this.#lastKnown.delete(id);
    await SessionModel.destroy({ where: { id } });
  }
}
