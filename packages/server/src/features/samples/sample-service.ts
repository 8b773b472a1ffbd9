import type { Sample } from '@waffle-kit/contract';
import { SampleModel } from '../../db/models/index.js';
import { fromTenths, toTenths } from '../../db/percent.js';
import type { InTransaction } from '../../db/transaction.js';
import { namedObjectService } from '../shared/named-object-service.js';
import type { SampleInput } from './sample-input.js';

export type SampleJson = Sample;

/** Samples: on for `percent`% of evaluations; audited, versioned writes. */
export function sampleService(inTransaction: InTransaction) {
  return namedObjectService<SampleJson, SampleInput>(inTransaction, {
    model: SampleModel,
    objectType: 'sample',
    toJson: (row) => {
      const s = row as SampleModel;
      return {
        name: s.name,
        percent: fromTenths(Number(s.percentTenths)),
        note: s.note,
        created: s.createdAt.toISOString(),
        modified: s.updatedAt.toISOString(),
        version: s.version,
      };
    },
    toColumns: (input) => ({
      ...(input.percent !== undefined ? { percentTenths: toTenths(input.percent) } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    }),
  });
}

export type SampleService = ReturnType<typeof sampleService>;
