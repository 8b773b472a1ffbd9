import type { Flag } from '@waffle-kit/contract';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import {
  EnterpriseFlagPercentageModel,
  FlagGroupModel,
  FlagModel,
  FlagSetMemberModel,
  FlagSetModel,
  FlagUserModel,
  Group,
  User,
} from '../../db/models/index.js';
import { fromNullableTenths, fromTenths } from '../../db/percent.js';
import { splitLanguages } from '../../snapshot/load-snapshot.js';

/** DESIGN.md's Flag JSON, with the flag's enterprise percentages: the contract's `Flag`. */
export type FlagJson = Flag;

/** Flags as JSON, with their users, groups, sets and percentages in a few more queries whatever the count. */
export async function loadFlagsJson(
  where: WhereOptions<FlagModel> | undefined,
  transaction?: Transaction,
): Promise<FlagJson[]> {
  const flags = await FlagModel.findAll({ where, order: [['name', 'ASC']], transaction });
  if (flags.length === 0) return [];
  const ids = flags.map((flag) => flag.id);
  const [userRows, groupRows, setRows, percentRows] = await Promise.all([
    FlagUserModel.findAll({ where: { flagId: { [Op.in]: ids } }, transaction }),
    FlagGroupModel.findAll({ where: { flagId: { [Op.in]: ids } }, transaction }),
    FlagSetMemberModel.findAll({ where: { flagId: { [Op.in]: ids } }, transaction }),
    EnterpriseFlagPercentageModel.findAll({
      where: { flagId: { [Op.in]: ids } },
      order: [['enterpriseCustomerUuid', 'ASC']],
      transaction,
    }),
  ]);
  const usernames = new Map(
    (await User.findAll({ where: { id: { [Op.in]: userRows.map((r) => r.userId) } }, transaction })).map(
      (u) => [u.id, u.username],
    ),
  );
  const groupNames = new Map(
    (await Group.findAll({ where: { id: { [Op.in]: groupRows.map((r) => r.groupId) } }, transaction })).map(
      (g) => [g.id, g.name],
    ),
  );
  const setNames = new Map(
    (
      await FlagSetModel.findAll({ where: { id: { [Op.in]: setRows.map((r) => r.flagSetId) } }, transaction })
    ).map((s) => [s.id, s.name]),
  );
  return flags.map(
    (flag): Flag => ({
      name: flag.name,
      everyone: flag.everyone === null ? null : Boolean(flag.everyone),
      percent: fromNullableTenths(flag.percentTenths === null ? null : Number(flag.percentTenths)),
      testing: Boolean(flag.testing),
      superusers: Boolean(flag.superusers),
      staff: Boolean(flag.staff),
      authenticated: Boolean(flag.authenticated),
      languages: splitLanguages(flag.languages),
      users: userRows
        .filter((r) => r.flagId === flag.id)
        .map((r) => usernames.get(r.userId) ?? '')
        .sort(),
      groups: groupRows
        .filter((r) => r.flagId === flag.id)
        .map((r) => groupNames.get(r.groupId) ?? '')
        .sort(),
      sets: setRows
        .filter((r) => r.flagId === flag.id)
        .map((r) => setNames.get(r.flagSetId) ?? '')
        .sort(),
      rollout: Boolean(flag.rollout),
      note: flag.note,
      created: flag.createdAt.toISOString(),
      modified: flag.updatedAt.toISOString(),
      version: flag.version,
      enterprise_percentages: percentRows
        .filter((r) => r.flagId === flag.id)
        .map((r) => ({
          enterprise_customer_uuid: r.enterpriseCustomerUuid,
          percent: fromTenths(Number(r.percentTenths)),
        })),
    }),
  );
}

export async function loadFlagJson(name: string, transaction?: Transaction): Promise<FlagJson | null> {
  const [flag] = await loadFlagsJson({ name }, transaction);
  return flag ?? null;
}
