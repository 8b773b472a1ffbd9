import type { FlagSet } from '@waffle-kit/contract';
import { FlagSetModel } from '../../db/models/index.js';
import type { InTransaction } from '../../db/transaction.js';
import { namedObjectService } from '../shared/named-object-service.js';
import type { FlagSetInput } from './flag-set-input.js';

/** A flag set as the admin API shows it; its flags are listed by `GET /flags?set=<name>`. */
export type FlagSetJson = FlagSet;

/**
 * Flag sets: audited, versioned writes like switches. Membership is written on the flag (its
 * `sets` field); deleting a set takes its flags out of it (the join rows cascade), not the flags.
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
  });
}

export type FlagSetService = ReturnType<typeof flagSetService>;
