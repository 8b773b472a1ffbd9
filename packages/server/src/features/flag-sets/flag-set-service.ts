import type { FlagSet } from '@waffle-kit/contract';
import { Op } from 'sequelize';
import { FlagModel, FlagSetMemberModel, FlagSetModel } from '../../db/models/index.js';
import type { InTransaction } from '../../db/transaction.js';
import { setMembershipIn } from '../flags/flag-service.js';
import { namedObjectService } from '../shared/named-object-service.js';
import type { FlagSetInput } from './flag-set-input.js';

/** A flag set as the admin API shows it; its flags are listed by `GET /flags?set=<name>`. */
export type FlagSetJson = FlagSet;

/**
 * Flag sets: audited, versioned writes like switches. Membership is written on the flag (its
 * `sets` field); deleting a set first takes each of its flags out of it, as a flag update (new
 * version, audit entry), so an editor holding the flag's old `sets` gets a 409, then deletes the set.
 */
export function flagSetService(inTransaction: InTransaction) {
  return namedObjectService<FlagSetJson, FlagSetInput>(inTransaction, {
    model: FlagSetModel,
    objectType: 'flag_set',
    label: 'flag set',
    toJson: (row) => ({
      name: row.name,
      note: row.note,
      created: row.createdAt.toISOString(),
      modified: row.updatedAt.toISOString(),
      version: row.version,
    }),
    toColumns: (input) => (input.note !== undefined ? { note: input.note } : {}),
    async beforeRemove(ctx, set, actor) {
      const { transaction } = ctx;
      const members = await FlagSetMemberModel.findAll({ where: { flagSetId: set.id }, transaction });
      const flags = await FlagModel.findAll({
        where: { id: { [Op.in]: members.map((member) => member.flagId) } },
        order: [['name', 'ASC']],
        transaction,
      });
      for (const { name } of flags) await setMembershipIn(ctx, name, set.name, false, actor);
    },
  });
}

export type FlagSetService = ReturnType<typeof flagSetService>;
