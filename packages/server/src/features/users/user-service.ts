import type { AdminUser, Group as GroupJson, UserEnterpriseLink } from '@waffle-kit/contract';
import { Op, type Transaction } from 'sequelize';
import { containsText } from '../../db/contains-text.js';
import { EnterpriseCustomerUser, Group, SessionModel, User, UserGroup } from '../../db/models/index.js';
import type { InTransaction } from '../../db/transaction.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/app-error.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit, recordCreation } from '../audit/audit-store.js';
import { hashPassword } from '../auth/password.js';
import type { CreateUserInput, UpdateUserInput } from './user-input.js';

/** A user as the admin API shows it (never the password hash): the contract's `AdminUser`. */
export type UserJson = AdminUser;

type LoadedUser = User & { groups?: Group[] };

export function userJson(user: LoadedUser): UserJson {
  return {
    id: user.id,
    username: user.username,
    email: user.email ?? null,
    is_staff: Boolean(user.isStaff),
    is_superuser: Boolean(user.isSuperuser),
    is_active: Boolean(user.isActive),
    language: user.language ?? null,
    groups: (user.groups ?? []).map((g) => g.name).sort(),
    has_password: Boolean(user.passwordHash),
    version: user.version,
  };
}

async function load(username: string, transaction?: Transaction): Promise<LoadedUser> {
  const user = await User.findOne({
    where: { username },
    include: [{ model: Group, as: 'groups', through: { attributes: [] } }],
    transaction,
  });
  if (!user) throw new NotFoundError(`This user does not exist: "${username}".`);
  return user;
}

async function groupIds(names: readonly string[], transaction: Transaction): Promise<number[]> {
  const groups = await Group.findAll({ where: { name: { [Op.in]: [...new Set(names)] } }, transaction });
  const unknown = [...new Set(names)].filter((name) => !groups.some((g) => g.name === name));
  if (unknown.length)
    throw new ValidationError('Unknown groups.', { groups: `Unknown group: ${unknown.join(', ')}.` });
  return groups.map((g) => g.id);
}

function columns(input: UpdateUserInput): Partial<User> {
  const result: Record<string, unknown> = {};
  if (input.email !== undefined) result.email = input.email;
  if (input.is_staff !== undefined) result.isStaff = input.is_staff;
  if (input.is_superuser !== undefined) result.isSuperuser = input.is_superuser;
  if (input.is_active !== undefined) result.isActive = input.is_active;
  if (input.language !== undefined) result.language = input.language;
  return result as Partial<User>;
}

/** Users and their groups; audited and versioned like every admin write. */
export function userService(inTransaction: InTransaction) {
  return {
    async list(search?: string): Promise<UserJson[]> {
      const users = await User.findAll({
        where: search ? containsText(User.sequelize!, ['username'], search) : undefined,
        include: [{ model: Group, as: 'groups', through: { attributes: [] } }],
        order: [['username', 'ASC']],
      });
      return users.map(userJson);
    },

    async get(username: string): Promise<UserJson> {
      return userJson(await load(username));
    },

    async create(input: CreateUserInput, actor: Actor): Promise<UserJson> {
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return inTransaction(async (ctx) => {
        const { transaction } = ctx;
        if (await User.findOne({ where: { username: input.username }, transaction })) {
          throw new ValidationError('This username is taken.', {
            username: `"${input.username}" exists already.`,
          });
        }
        const ids = input.groups ? await groupIds(input.groups, transaction) : [];
        const user = await User.create(
          { username: input.username, passwordHash, ...columns(input) },
          { transaction },
        );
        await UserGroup.bulkCreate(
          ids.map((groupId) => ({ userId: user.id, groupId })),
          { transaction },
        );
        return recordCreation(
          ctx,
          actor,
          'user',
          input.username,
          userJson(await load(input.username, transaction)),
        );
      });
    },

    async update(
      username: string,
      input: UpdateUserInput,
      actor: Actor,
      expected?: number,
    ): Promise<UserJson> {
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return inTransaction(async (ctx) => {
        const { transaction } = ctx;
        const user = await load(username, transaction);
        if (expected !== undefined && expected !== user.version) {
          throw new ConflictError(`The user "${username}" changed since you read it; reload and try again.`);
        }
        const before = userJson(user);
        const ids = input.groups ? await groupIds(input.groups, transaction) : undefined;
        const changes = {
          ...columns(input),
          ...(passwordHash ? { passwordHash } : {}),
          version: user.version + 1,
        };
        const [count] = await User.update(changes, {
          where: { id: user.id, version: user.version },
          transaction,
        });
        if (count !== 1)
          throw new ConflictError(`The user "${username}" changed since you read it; reload and try again.`);
        // A new password ends every session of the user (as Django's does), in every process at once.
        if (passwordHash) await SessionModel.destroy({ where: { userId: user.id }, transaction });
        if (ids) {
          await UserGroup.destroy({ where: { userId: user.id }, transaction });
          await UserGroup.bulkCreate(
            ids.map((groupId) => ({ userId: user.id, groupId })),
            { transaction },
          );
        }
        const after = userJson(await load(username, transaction));
        await recordAudit(ctx, actor, {
          action: 'update',
          objectType: 'user',
          objectName: username,
          before,
          after,
        });
        return after;
      });
    },

    async listGroups(): Promise<GroupJson[]> {
      return (await Group.findAll({ order: [['name', 'ASC']] })).map(
        (g): GroupJson => ({
          name: g.name,
          version: g.version,
        }),
      );
    },

    createGroup(name: string, actor: Actor): Promise<GroupJson> {
      return inTransaction(async (ctx) => {
        if (await Group.findOne({ where: { name }, transaction: ctx.transaction })) {
          throw new ValidationError('This group exists already.', {
            name: `A group named "${name}" exists already.`,
          });
        }
        const group = await Group.create({ name }, { transaction: ctx.transaction });
        return recordCreation<GroupJson>(ctx, actor, 'group', name, {
          name: group.name,
          version: group.version,
        });
      });
    },

    /** Enterprise links of a user (for the admin page's user view). */
    async links(username: string): Promise<UserEnterpriseLink[]> {
      const user = await load(username);
      const links = await EnterpriseCustomerUser.findAll({
        where: { userId: user.id },
        order: [['id', 'ASC']],
      });
      return links.map(
        (l): UserEnterpriseLink => ({
          enterprise_customer_uuid: l.enterpriseCustomerUuid,
          active: l.active,
          linked: l.linked,
        }),
      );
    },
  };
}

export type UserService = ReturnType<typeof userService>;
