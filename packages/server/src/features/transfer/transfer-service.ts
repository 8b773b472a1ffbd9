import type { FlagStateDump, ImportSummary } from '@waffle-kit/contract';
import { Op } from 'sequelize';
import {
  EnterpriseCustomer,
  FlagSetModel,
  Group,
  SampleModel,
  SwitchModel,
  User,
} from '../../db/models/index.js';
import { fromTenths, toTenths } from '../../db/percent.js';
import type { InTransaction, WriteContext } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit, recordCreation } from '../audit/audit-store.js';
import { createFlagIn, updateFlagIn } from '../flags/flag-service.js';
import { type FlagJson, loadFlagJson, loadFlagsJson } from '../flags/flag-store.js';
import { parseInput } from '../shared/parse-input.js';
import { type FlagStateImport, flagStateImportSchema, normalizeDump } from './transfer-input.js';

const FLAG_FIELDS = [
  'everyone',
  'percent',
  'testing',
  'superusers',
  'staff',
  'authenticated',
  'languages',
  'users',
  'groups',
  'sets',
  'rollout',
  'note',
  'enterprise_percentages',
] as const;

function flagFields(flag: FlagJson) {
  return Object.fromEntries(FLAG_FIELDS.map((key) => [key, flag[key]])) as Omit<
    FlagStateDump['flags'][number],
    'name'
  >;
}

/** One item of a dump's list. */
type DumpItem<List extends keyof FlagStateDump> = Extract<FlagStateDump[List], unknown[]>[number];

/** All flag state as JSON (plus the groups, users and customers it names): `waffle-kit export`. */
export async function exportFlagState(): Promise<FlagStateDump> {
  const flags = await loadFlagsJson(undefined);
  const usernames = [...new Set(flags.flatMap((f) => f.users))].sort();
  const groups = [...new Set(flags.flatMap((f) => f.groups))].sort();
  const uuids = [
    ...new Set(flags.flatMap((f) => f.enterprise_percentages.map((p) => p.enterprise_customer_uuid))),
  ];
  const customers = await EnterpriseCustomer.findAll({
    where: { uuid: { [Op.in]: uuids } },
    order: [['uuid', 'ASC']],
  });
  return {
    format: 'waffle-kit/1',
    groups,
    users: usernames.map((username) => ({ username })),
    enterprise_customers: customers.map(
      (c): DumpItem<'enterprise_customers'> => ({
        uuid: c.uuid,
        slug: c.slug,
        name: c.name,
        active: Boolean(c.active),
      }),
    ),
    flag_sets: (await FlagSetModel.findAll({ order: [['name', 'ASC']] })).map(
      (s): DumpItem<'flag_sets'> => ({
        name: s.name,
        note: s.note,
      }),
    ),
    flags: flags.map((flag): DumpItem<'flags'> => ({ name: flag.name, ...flagFields(flag) })),
    switches: (await SwitchModel.findAll({ order: [['name', 'ASC']] })).map(
      (s): DumpItem<'switches'> => ({
        name: s.name,
        active: Boolean(s.active),
        note: s.note,
      }),
    ),
    samples: (await SampleModel.findAll({ order: [['name', 'ASC']] })).map(
      (s): DumpItem<'samples'> => ({
        name: s.name,
        percent: fromTenths(Number(s.percentTenths)),
        note: s.note,
      }),
    ),
  };
}

async function ensureReferences(
  ctx: WriteContext,
  dump: FlagStateImport,
  actor: Actor,
  summary: ImportSummary,
) {
  const { transaction } = ctx;
  /** Counts and audits one object that `findOrCreate` had to create. */
  const created = async (wasCreated: boolean, objectType: string, objectName: string, after: object) => {
    if (!wasCreated) return;
    summary.created++;
    await recordCreation(ctx, actor, objectType, objectName, after);
  };
  for (const name of dump.groups) {
    const [, wasCreated] = await Group.findOrCreate({ where: { name }, transaction });
    await created(wasCreated, 'group', name, { name });
  }
  for (const { username } of dump.users) {
    const [, wasCreated] = await User.findOrCreate({
      where: { username },
      defaults: { username },
      transaction,
    });
    await created(wasCreated, 'user', username, { username });
  }
  for (const set of dump.flag_sets) {
    const [, wasCreated] = await FlagSetModel.findOrCreate({
      where: { name: set.name },
      defaults: set,
      transaction,
    });
    await created(wasCreated, 'flag_set', set.name, set);
  }
  for (const customer of dump.enterprise_customers) {
    const [, wasCreated] = await EnterpriseCustomer.findOrCreate({
      where: { uuid: customer.uuid },
      defaults: customer,
      transaction,
    });
    await created(wasCreated, 'enterprise_customer', customer.uuid, customer);
  }
}

async function importNamed(
  ctx: WriteContext,
  actor: Actor,
  summary: ImportSummary,
  objectType: 'switch' | 'sample',
  items: ReadonlyArray<{ name: string; note: string; active?: boolean; percent?: number }>,
) {
  const Model = (objectType === 'switch' ? SwitchModel : SampleModel) as typeof SwitchModel;
  for (const item of items) {
    const values =
      objectType === 'switch'
        ? { active: item.active, note: item.note }
        : { percentTenths: toTenths(item.percent ?? 0), note: item.note };
    const row = await Model.findOne({ where: { name: item.name }, transaction: ctx.transaction });
    const view = (r: Record<string, unknown>) =>
      objectType === 'switch'
        ? { name: r.name, active: Boolean(r.active), note: r.note }
        : { name: r.name, percent: fromTenths(Number(r.percentTenths)), note: r.note };
    if (!row) {
      await Model.create({ name: item.name, ...values } as never, { transaction: ctx.transaction });
      summary.created++;
      await recordCreation(ctx, actor, objectType, item.name, item);
      continue;
    }
    const before = view(row.get() as Record<string, unknown>);
    const after = view({ name: item.name, ...values });
    if (JSON.stringify(before) === JSON.stringify(after)) {
      summary.unchanged++;
      continue;
    }
    await row.update({ ...values, version: row.version + 1 } as never, { transaction: ctx.transaction });
    summary.updated++;
    await recordAudit(ctx, actor, { action: 'update', objectType, objectName: item.name, before, after });
  }
}

/**
 * Loads a dump (ours or Waffle's, whose flags join `options.defaultSet`): creates what is missing, updates what differs, leaves equal
 * objects alone (so importing twice changes nothing), all in one audited transaction.
 */
export function importFlagState(
  inTransaction: InTransaction,
  data: unknown,
  actor: Actor,
  options: { defaultSet?: string } = {},
): Promise<ImportSummary> {
  const dump = parseInput(flagStateImportSchema, normalizeDump(data, options.defaultSet));
  // A Waffle dump knows no sets: its flags join the default set and keep the sets they are in.
  const waffleDump = Array.isArray(data);
  return inTransaction(async (ctx) => {
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    await ensureReferences(ctx, dump, actor, summary);
    for (const flag of dump.flags) {
      const existing = await loadFlagJson(flag.name, ctx.transaction);
      if (!existing) {
        await createFlagIn(ctx, flag, actor);
        summary.created++;
        continue;
      }
      const { name, ...fields } = flag;
      if (waffleDump) fields.sets = [...new Set([...existing.sets, ...(fields.sets ?? [])])];
      const wanted = { ...flagFields(existing), ...fields };
      const sort = (v: Record<string, unknown>) => ({
        ...v,
        users: [...((v.users as string[]) ?? [])].sort(),
        groups: [...((v.groups as string[]) ?? [])].sort(),
        sets: [...((v.sets as string[]) ?? [])].sort(),
        enterprise_percentages: [
          ...((v.enterprise_percentages as FlagJson['enterprise_percentages']) ?? []),
        ].sort((a, b) => a.enterprise_customer_uuid.localeCompare(b.enterprise_customer_uuid)),
      });
      if (JSON.stringify(sort(wanted)) === JSON.stringify(sort(flagFields(existing)))) {
        summary.unchanged++;
        continue;
      }
      await updateFlagIn(ctx, name, fields, actor);
      summary.updated++;
    }
    await importNamed(ctx, actor, summary, 'switch', dump.switches);
    await importNamed(ctx, actor, summary, 'sample', dump.samples);
    return summary;
  });
}
