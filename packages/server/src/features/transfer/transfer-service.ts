import { Op } from 'sequelize';
import { EnterpriseCustomer, Group, SampleModel, SwitchModel, User } from '../../db/models/index.js';
import { fromTenths, toTenths } from '../../db/percent.js';
import type { InTransaction, WriteContext } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-store.js';
import { createFlagIn, updateFlagIn } from '../flags/flag-service.js';
import { type FlagJson, loadFlagJson, loadFlagsJson } from '../flags/flag-store.js';
import { parseInput } from '../shared/parse-input.js';
import { type FlagStateDump, flagStateDumpSchema, normalizeDump } from './transfer-input.js';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

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
  'rollout',
  'note',
  'enterprise_percentages',
] as const;

function flagFields(flag: FlagJson) {
  return Object.fromEntries(FLAG_FIELDS.map((key) => [key, flag[key]]));
}

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
    enterprise_customers: customers.map((c) => ({
      uuid: c.uuid,
      slug: c.slug,
      name: c.name,
      active: Boolean(c.active),
    })),
    flags: flags.map((flag) => ({ name: flag.name, ...flagFields(flag) })),
    switches: (await SwitchModel.findAll({ order: [['name', 'ASC']] })).map((s) => ({
      name: s.name,
      active: Boolean(s.active),
      note: s.note,
    })),
    samples: (await SampleModel.findAll({ order: [['name', 'ASC']] })).map((s) => ({
      name: s.name,
      percent: fromTenths(Number(s.percentTenths)),
      note: s.note,
    })),
  };
}

async function ensureReferences(
  ctx: WriteContext,
  dump: FlagStateDump,
  actor: Actor,
  summary: ImportSummary,
) {
  const { transaction } = ctx;
  for (const name of dump.groups) {
    const [, created] = await Group.findOrCreate({ where: { name }, transaction });
    if (created) {
      summary.created++;
      await recordAudit(ctx, actor, {
        action: 'create',
        objectType: 'group',
        objectName: name,
        before: null,
        after: { name },
      });
    }
  }
  for (const { username } of dump.users) {
    const [, created] = await User.findOrCreate({ where: { username }, defaults: { username }, transaction });
    if (created) {
      summary.created++;
      await recordAudit(ctx, actor, {
        action: 'create',
        objectType: 'user',
        objectName: username,
        before: null,
        after: { username },
      });
    }
  }
  for (const customer of dump.enterprise_customers) {
    const [, created] = await EnterpriseCustomer.findOrCreate({
      where: { uuid: customer.uuid },
      defaults: customer,
      transaction,
    });
    if (created) {
      summary.created++;
      await recordAudit(ctx, actor, {
        action: 'create',
        objectType: 'enterprise_customer',
        objectName: customer.uuid,
        before: null,
        after: customer,
      });
    }
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
      await recordAudit(ctx, actor, {
        action: 'create',
        objectType,
        objectName: item.name,
        before: null,
        after: item,
      });
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
 * Loads a dump (ours or Waffle's): creates what is missing, updates what differs, leaves equal
 * objects alone (so importing twice changes nothing), all in one audited transaction.
 */
export function importFlagState(
  inTransaction: InTransaction,
  data: unknown,
  actor: Actor,
): Promise<ImportSummary> {
  const dump = parseInput(flagStateDumpSchema, normalizeDump(data));
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
      const wanted = { ...flagFields(existing), ...fields };
      const sort = (v: Record<string, unknown>) => ({
        ...v,
        users: [...((v.users as string[]) ?? [])].sort(),
        groups: [...((v.groups as string[]) ?? [])].sort(),
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
