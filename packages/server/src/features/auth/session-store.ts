import { createHmac, randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { EnterpriseCustomerUser, Group, SessionModel, User } from '../../db/models/index.js';
import type { RequestUser } from '../../embedding/request-user.js';

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

/**
 * Server-side sessions. The cookie holds a random token; the table holds only its HMAC under the
 * server secret. A session lookup is one query that also brings the user's groups and
 * enterprise links, so the request needs nothing more for flags.
 */
export class SessionStore {
  /** The last user seen per session, used only while the database is unreachable. */
  readonly #lastKnown = new Map<string, { user: RequestUser; expiresAt: number }>();

  constructor(private readonly secret: string) {}

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
    let session: (SessionModel & { user?: LoadedUser }) | null;
    try {
      session = await SessionModel.findOne({
        where: { id },
        include: [
          {
            model: User,
            as: 'user',
            attributes: { exclude: ['passwordHash'] },
            include: USER_FOR_FLAGS_INCLUDE,
          },
        ],
      });
    } catch (error) {
      const known = this.#lastKnown.get(id);
      if (known && known.expiresAt > Date.now()) return known.user;
      throw error;
    }
    if (!session?.user || session.expiresAt.getTime() < Date.now() || !session.user.isActive) {
      this.#lastKnown.delete(id);
      return null;
    }
    const user = toRequestUser(session.user);
    if (this.#lastKnown.size >= FALLBACK_LIMIT) this.#lastKnown.clear();
    this.#lastKnown.set(id, { user, expiresAt: session.expiresAt.getTime() });
    return user;
  }

  async destroy(token: string): Promise<void> {
    const id = this.#id(token);
    this.#lastKnown.delete(id);
    await SessionModel.destroy({ where: { id } });
  }
}
