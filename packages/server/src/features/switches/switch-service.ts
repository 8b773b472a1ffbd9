import type { Switch } from '@waffle-kit/contract';
import { SwitchModel } from '../../db/models/index.js';
import type { InTransaction } from '../../db/transaction.js';
import { namedObjectService } from '../shared/named-object-service.js';
import type { SwitchInput } from './switch-input.js';

export type SwitchJson = Switch;

/** Switches: on or off for everybody; audited, versioned writes. */
export function switchService(inTransaction: InTransaction) {
  return namedObjectService<SwitchJson, SwitchInput>(inTransaction, {
    model: SwitchModel,
    objectType: 'switch',
    toJson: (row) => {
      const s = row as SwitchModel;
      return {
        name: s.name,
        active: Boolean(s.active),
        note: s.note,
        created: s.createdAt.toISOString(),
        modified: s.updatedAt.toISOString(),
        version: s.version,
      };
    },
    toColumns: (input) => ({
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    }),
  });
}

export type SwitchService = ReturnType<typeof switchService>;
