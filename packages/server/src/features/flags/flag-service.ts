import type { FlagBulkBody, FlagDetail } from '@waffle-kit/contract';
import { bucketOf, bucketThreshold } from '@waffle-kit/core';
import { Op, type Transaction, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { containsText } from '../../db/contains-text.js';
import {
  EnterpriseCustomer,
  EnterpriseCustomerUser,
  EnterpriseFlagPercentageModel,
  FlagGroupModel,
  FlagModel,
  FlagSetMemberModel,
  FlagSetModel,
  FlagUserModel,
  Group,
  User,
} from '../../db/models/index.js';
import { toTenths } from '../../db/percent.js';
import type { InTransaction, WriteContext } from '../../db/transaction.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/app-error.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit, recordCreation } from '../audit/audit-store.js';
import type { CreateFlagInput, UpdateFlagInput } from './flag-input.js';
import { type FlagJson, loadFlagJson, loadFlagsJson } from './flag-store.js';

export type FlagBulkInput = FlagBulkBody;

const missing = (label: string, names: string[]) => `Unknown ${label}: ${names.join(', ')}.`;

async function idsByName(
  kind: 'user' | 'group' | 'flag set',
  names: readonly string[],
  transaction: Transaction,
): Promise<{ ids: number[]; unknown: string[] }> {
  const unique = [...new Set(names)];
  const byName = { where: { name: { [Op.in]: unique } }, transaction };
  const rows =
    kind === 'user'
      ? (await User.findAll({ where: { username: { [Op.in]: unique } }, transaction })).map((u) => ({
          id: u.id,
          name: u.username,
        }))
      : (kind === 'group' ? await Group.findAll(byName) : await FlagSetModel.findAll(byName)).map((row) => ({
          id: row.id,
          name: row.name,
        }));
  const found = new Set(rows.map((row) => row.name));
  return { ids: rows.map((row) => row.id), unknown: unique.filter((name) => !found.has(name)) };
}

/** Checks every user, group, flag set and customer the input names; one ValidationError lists them all. */
async function resolveReferences(input: UpdateFlagInput, transaction: Transaction) {
  const fields: Record<string, string> = {};
  const users = input.users ? await idsByName('user', input.users, transaction) : undefined;
  if (users?.unknown.length) fields.users = missing('user', users.unknown);
  const groups = input.groups ? await idsByName('group', input.groups, transaction) : undefined;
  if (groups?.unknown.length) fields.groups = missing('group', groups.unknown);
  const sets = input.sets ? await idsByName('flag set', input.sets, transaction) : undefined;
  if (sets?.unknown.length) fields.sets = missing('flag set', sets.unknown);
  const percentages = input.enterprise_percentages;
  if (percentages) {
    const uuids = [...new Set(percentages.map((p) => p.enterprise_customer_uuid))];
    if (uuids.length !== percentages.length) {
      fields.enterprise_percentages = 'Each enterprise customer may appear once.';
    } else {
      const known = await EnterpriseCustomer.findAll({ where: { uuid: { [Op.in]: uuids } }, transaction });
      const unknown = uuids.filter((uuid) => !known.some((c) => c.uuid === uuid));
      if (unknown.length) fields.enterprise_percentages = missing('enterprise customer', unknown);
    }
  }
  if (Object.keys(fields).length > 0)
    throw new ValidationError('The flag names things that do not exist.', fields);
  return { userIds: users?.ids, groupIds: groups?.ids, setIds: sets?.ids };
}

function columns(input: UpdateFlagInput): Partial<FlagModel> {
  const result: Record<string, unknown> = {};
  for (const key of [
    'everyone',
    'testing',
    'superusers',
    'staff',
    'authenticated',
    'rollout',
    'note',
  ] as const) {
    if (input[key] !== undefined) result[key] = input[key];
  }
  if (input.percent !== undefined)
    result.percentTenths = input.percent === null ? null : toTenths(input.percent);
  if (input.languages !== undefined) result.languages = input.languages.join(',');
  return result as Partial<FlagModel>;
}

async function writeRelations(
  flagId: number,
  input: UpdateFlagInput,
  refs: { userIds?: number[]; groupIds?: number[]; setIds?: number[] },
  transaction: Transaction,
): Promise<void> {
  if (refs.userIds) {
    await FlagUserModel.destroy({ where: { flagId }, transaction });
    await FlagUserModel.bulkCreate(
      refs.userIds.map((userId) => ({ flagId, userId })),
      { transaction },
    );
  }
  if (refs.groupIds) {
    await FlagGroupModel.destroy({ where: { flagId }, transaction });
    await FlagGroupModel.bulkCreate(
      refs.groupIds.map((groupId) => ({ flagId, groupId })),
      { transaction },
    );
  }
  if (refs.setIds) {
    await FlagSetMemberModel.destroy({ where: { flagId }, transaction });
    await FlagSetMemberModel.bulkCreate(
      refs.setIds.map((flagSetId) => ({ flagId, flagSetId })),
      { transaction },
    );
  }
  if (input.enterprise_percentages) {
    await EnterpriseFlagPercentageModel.destroy({ where: { flagId }, transaction });
    await EnterpriseFlagPercentageModel.bulkCreate(
      input.enterprise_percentages.map((p) => ({
        flagId,
        enterpriseCustomerUuid: p.enterprise_customer_uuid,
        percentTenths: toTenths(p.percent),
      })),
      { transaction },
    );
  }
}

async function findFlag(name: string, transaction: Transaction): Promise<FlagModel> {
  const flag = await FlagModel.findOne({ where: { name }, transaction });
  if (!flag) throw new NotFoundError(`This flag does not exist: "${name}".`);
  return flag;
}

/** Moves the flag to the next version, unless someone else did first (then 409, nothing written). */
async function bumpVersion(
  flag: FlagModel,
  expected: number | undefined,
  changes: Partial<FlagModel>,
  transaction: Transaction,
): Promise<void> {
  const stale = () =>
    new ConflictError(
      `The flag "${flag.name}" changed since you read it (it is at version ${flag.version}); reload and try again.`,
      { version: `Expected ${expected ?? flag.version}, the flag is at ${flag.version}.` },
    );
  if (expected !== undefined && expected !== flag.version) throw stale();
  const [count] = await FlagModel.update(
    { ...changes, version: flag.version + 1 },
    { where: { id: flag.id, version: flag.version }, transaction },
  );
  if (count !== 1) throw stale();
}

/** Updates a flag inside an open write (the admin route, the CLI and import share it). */
export async function updateFlagIn(
  ctx: WriteContext,
  name: string,
  input: UpdateFlagInput,
  actor: Actor,
  expected?: number,
): Promise<FlagJson> {
  const { transaction } = ctx;
  const flag = await findFlag(name, transaction);
  const before = await loadFlagJson(name, transaction);
  const refs = await resolveReferences(input, transaction);
  await bumpVersion(flag, expected, columns(input), transaction);
  await writeRelations(flag.id, input, refs, transaction);
  const after = (await loadFlagJson(name, transaction))!;
  await recordAudit(ctx, actor, { action: 'update', objectType: 'flag', objectName: name, before, after });
  return after;
}

/**
 * Writes a new flag with its users, groups, sets and enterprise percentages, after checking that
 * they exist: no duplicate check and no audit entry. `createFlagIn` adds those; the demo seed and
 * the test data builders write through this alone.
 */
export async function insertFlag({ transaction }: WriteContext, input: CreateFlagInput): Promise<FlagModel> {
  const refs = await resolveReferences(input, transaction);
  const flag = await FlagModel.create({ name: input.name, ...columns(input) }, { transaction });
  await writeRelations(flag.id, input, refs, transaction);
  return flag;
}

/**
 * Puts a flag into the set `set` (`member` true) or takes it out, inside an open write, keeping
 * its other sets. A flag already where it should be is left alone (no version, no audit entry);
 * returns whether the flag changed.
 */
export async function setMembershipIn(
  ctx: WriteContext,
  name: string,
  set: string,
  member: boolean,
  actor: Actor,
): Promise<boolean> {
  const current = (await loadFlagJson(name, ctx.transaction))?.sets;
  if (!current) throw new NotFoundError(`This flag does not exist: "${name}".`);
  if (current.includes(set) === member) return false;
  const others = current.filter((other) => other !== set);
  await updateFlagIn(ctx, name, { sets: member ? [...others, set] : others }, actor);
  return true;
}

/** Creates a flag inside an open write. */
export async function createFlagIn(
  ctx: WriteContext,
  input: CreateFlagInput,
  actor: Actor,
): Promise<FlagJson> {
  const { transaction } = ctx;
  const duplicate = () =>
    new ValidationError('A flag with this name exists already.', {
      name: `A flag named "${input.name}" exists already.`,
    });
  if (await FlagModel.findOne({ where: { name: input.name }, transaction })) throw duplicate();
  try {
    await insertFlag(ctx, input);
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw duplicate();
    throw error;
  }
  return recordCreation(ctx, actor, 'flag', input.name, (await loadFlagJson(input.name, transaction))!);
}

/** Deletes a flag inside an open write; with `expected`, only at that version (409 otherwise). */
async function deleteFlagIn(ctx: WriteContext, name: string, actor: Actor, expected?: number): Promise<void> {
  const { transaction } = ctx;
  const flag = await findFlag(name, transaction);
  const changed = () =>
    new ConflictError(`The flag "${name}" changed since you read it; reload and try again.`);
  if (expected !== undefined && expected !== flag.version) throw changed();
  const before = await loadFlagJson(name, transaction);
  // Conditional on the version read, so a write that slipped in between is not lost silently.
  const deleted = await FlagModel.destroy({ where: { id: flag.id, version: flag.version }, transaction });
  if (deleted !== 1) throw changed();
  await recordAudit(ctx, actor, {
    action: 'delete',
    objectType: 'flag',
    objectName: name,
    before,
    after: null,
  });
}

/**
 * For the admin page: per enterprise percentage, how many active, linked learners the customer
 * has and how many of them the percentage turns on (their bucket is below it).
 */
async function withLearnerCounts(flag: FlagJson): Promise<FlagDetail> {
  const uuids = flag.enterprise_percentages.map((p) => p.enterprise_customer_uuid);
  if (uuids.length === 0) return { ...flag, enterprise_percentages: [] };
  const links = await EnterpriseCustomerUser.findAll({
    where: { enterpriseCustomerUuid: { [Op.in]: uuids }, active: true, linked: true },
    attributes: ['enterpriseCustomerUuid', 'userId'],
  });
  return {
    ...flag,
    enterprise_percentages: flag.enterprise_percentages.map((p) => {
      const learners = links.filter((l) => l.enterpriseCustomerUuid === p.enterprise_customer_uuid);
      const threshold = bucketThreshold(p.percent);
      return {
        ...p,
        linked_learners: learners.length,
        learners_on: learners.filter((l) => bucketOf(flag.name, String(l.userId)) < threshold).length,
      };
    }),
  };
}

/**
 * Flags: every change validated, written with its audit entry in one transaction that also
 * bumps the snapshot version (so every server process sees it), and guarded by the flag's
 * `version`. Used by the admin routes and the CLI alike.
 */
export function flagService(inTransaction: InTransaction) {
  return {
    async list(search?: string, set?: string): Promise<FlagJson[]> {
      const where: WhereOptions<FlagModel>[] = [];
      if (search) where.push(containsText(FlagModel.sequelize!, ['name', 'note'], search));
      if (set !== undefined) {
        const flagSet = await FlagSetModel.findOne({ where: { name: set } });
        if (!flagSet) throw new NotFoundError(`This flag set does not exist: "${set}".`);
        const members = await FlagSetMemberModel.findAll({ where: { flagSetId: flagSet.id } });
        where.push({ id: { [Op.in]: members.map((m) => m.flagId) } });
      }
      return loadFlagsJson(where.length ? { [Op.and]: where } : undefined);
    },

    async get(name: string): Promise<FlagDetail> {
      const flag = await loadFlagJson(name);
      if (!flag) throw new NotFoundError(`This flag does not exist: "${name}".`);
      return withLearnerCounts(flag);
    },

    create(input: CreateFlagInput, actor: Actor): Promise<FlagJson> {
      return inTransaction((ctx) => createFlagIn(ctx, input, actor));
    },

    update(name: string, input: UpdateFlagInput, actor: Actor, expected?: number): Promise<FlagJson> {
      return inTransaction((ctx) => updateFlagIn(ctx, name, input, actor, expected));
    },

    remove(name: string, actor: Actor, expected?: number): Promise<void> {
      return inTransaction((ctx) => deleteFlagIn(ctx, name, actor, expected));
    },

    /** Sets (creates or changes) one enterprise percentage of a flag. */
    setEnterprisePercentage(name: string, uuid: string, percent: number, actor: Actor): Promise<FlagJson> {
      return inTransaction(async (ctx) => {
        const current = await loadFlagJson(name, ctx.transaction);
        if (!current) throw new NotFoundError(`This flag does not exist: "${name}".`);
        const others = current.enterprise_percentages.filter((p) => p.enterprise_customer_uuid !== uuid);
        const enterprise_percentages = [...others, { enterprise_customer_uuid: uuid, percent }];
        return updateFlagIn(ctx, name, { enterprise_percentages }, actor);
      });
    },

    deleteEnterprisePercentage(name: string, uuid: string, actor: Actor): Promise<FlagJson> {
      return inTransaction(async (ctx) => {
        const current = await loadFlagJson(name, ctx.transaction);
        if (!current) throw new NotFoundError(`This flag does not exist: "${name}".`);
        const remaining = current.enterprise_percentages.filter((p) => p.enterprise_customer_uuid !== uuid);
        if (remaining.length === current.enterprise_percentages.length) {
          throw new NotFoundError(`The flag "${name}" has no percentage for enterprise customer ${uuid}.`);
        }
        return updateFlagIn(ctx, name, { enterprise_percentages: remaining }, actor);
      });
    },

    /**
     * Waffle's admin actions over several flags (and set membership), one audit entry per flag
     * changed, all or nothing. Returns how many flags it changed (a set action skips a flag that
     * is already in, or out of, the set).
     */
    bulk(input: FlagBulkInput, actor: Actor): Promise<number> {
      const { action, names } = input;
      return inTransaction(async (ctx) => {
        if (input.action === 'add_to_set' || input.action === 'remove_from_set') {
          const { unknown } = await idsByName('flag set', [input.set], ctx.transaction);
          if (unknown.length) {
            throw new ValidationError('The flag set does not exist.', { set: missing('flag set', unknown) });
          }
        }
        let changed = 0;
        for (const name of names) {
          if (input.action === 'add_to_set' || input.action === 'remove_from_set') {
            const member = input.action === 'add_to_set';
            if (!(await setMembershipIn(ctx, name, input.set, member, actor))) continue;
          } else if (action === 'delete') {
            await deleteFlagIn(ctx, name, actor);
          } else {
            await updateFlagIn(ctx, name, { everyone: action === 'enable_everyone' }, actor);
          }
          changed++;
        }
        return changed;
      });
    },
  };
}

export type FlagService = ReturnType<typeof flagService>;
