import { type Transaction, UniqueConstraintError } from 'sequelize';
import { containsText } from '../../db/contains-text.js';
import type { FlagSetModel, SampleModel, SwitchModel } from '../../db/models/index.js';
import type { InTransaction, WriteContext } from '../../db/transaction.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/app-error.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-store.js';

type NamedModel = typeof SwitchModel | typeof SampleModel | typeof FlagSetModel;
type Row = SwitchModel | SampleModel | FlagSetModel;

export interface NamedObjectDefinition<Json, Input> {
  readonly model: NamedModel;
  /** `switch`, `sample` or `flag_set`: the audit log's object type and the word in messages. */
  readonly objectType: string;
  /** The word in messages when it is not the object type (`flag set` for `flag_set`). */
  readonly label?: string;
  toJson(row: Row): Json;
  /** Column values for the fields the input gives. */
  toColumns(input: Partial<Input>): Record<string, unknown>;
  /** What else a delete changes, in its transaction, before the row goes (a flag set's members). */
  beforeRemove?(ctx: WriteContext, row: Row, actor: Actor): Promise<void>;
}

/**
 * The service of a flat named object (switch, sample, flag set): list/search, get, create, update with
 * `If-Match` versions, delete; each write audited in its own transaction, which bumps the
 * snapshot version.
 */
export function namedObjectService<Json, Input>(
  inTransaction: InTransaction,
  def: NamedObjectDefinition<Json, Input>,
) {
  const Model = def.model as typeof SwitchModel;
  const label = def.label ?? def.objectType;
  const notFound = (name: string) => new NotFoundError(`This ${label} does not exist: "${name}".`);
  const find = async (name: string, transaction?: Transaction) => {
    const row = await Model.findOne({ where: { name }, transaction });
    if (!row) throw notFound(name);
    return row;
  };
  const stale = (row: Row, expected: number | undefined) =>
    new ConflictError(`The ${label} "${row.name}" changed since you read it; reload and try again.`, {
      version: `Expected ${expected ?? row.version}, the ${label} is at ${row.version}.`,
    });
  const audit = (
    ctx: WriteContext,
    actor: Actor,
    action: 'create' | 'update' | 'delete',
    name: string,
    before: Json | null,
    after: Json | null,
  ) => recordAudit(ctx, actor, { action, objectType: def.objectType, objectName: name, before, after });

  return {
    async list(search?: string): Promise<Json[]> {
      const where = search ? containsText(Model.sequelize!, ['name', 'note'], search) : undefined;
      return (await Model.findAll({ where, order: [['name', 'ASC']] })).map(def.toJson);
    },

    async get(name: string): Promise<Json> {
      return def.toJson(await find(name));
    },

    create(input: Partial<Input> & { name: string }, actor: Actor): Promise<Json> {
      return inTransaction(async (ctx) => {
        const duplicate = () =>
          new ValidationError(`A ${label} with this name exists already.`, {
            name: `A ${label} named "${input.name}" exists already.`,
          });
        if (await Model.findOne({ where: { name: input.name }, transaction: ctx.transaction }))
          throw duplicate();
        let row: Row;
        try {
          row = await Model.create({ name: input.name, ...def.toColumns(input) } as never, {
            transaction: ctx.transaction,
          });
        } catch (error) {
          if (error instanceof UniqueConstraintError) throw duplicate();
          throw error;
        }
        const after = def.toJson(row);
        await audit(ctx, actor, 'create', input.name, null, after);
        return after;
      });
    },

    update(name: string, input: Partial<Input>, actor: Actor, expected?: number): Promise<Json> {
      return inTransaction(async (ctx) => {
        const row = await find(name, ctx.transaction);
        if (expected !== undefined && expected !== row.version) throw stale(row, expected);
        const before = def.toJson(row);
        const [count] = await Model.update({ ...def.toColumns(input), version: row.version + 1 } as never, {
          where: { id: row.id, version: row.version },
          transaction: ctx.transaction,
        });
        if (count !== 1) throw stale(row, expected);
        const after = def.toJson(await find(name, ctx.transaction));
        await audit(ctx, actor, 'update', name, before, after);
        return after;
      });
    },

    remove(name: string, actor: Actor, expected?: number): Promise<void> {
      return inTransaction(async (ctx) => {
        const row = await find(name, ctx.transaction);
        if (expected !== undefined && expected !== row.version) throw stale(row, expected);
        const before = def.toJson(row);
        await def.beforeRemove?.(ctx, row, actor);
        const deleted = await Model.destroy({
          where: { id: row.id, version: row.version },
          transaction: ctx.transaction,
        });
        if (deleted !== 1) throw stale(row, expected);
        await audit(ctx, actor, 'delete', name, before, null);
      });
    },
  };
}

export type NamedObjectService<Json, Input> = ReturnType<typeof namedObjectService<Json, Input>>;
