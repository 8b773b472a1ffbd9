import type { AuditEntry, AuditValue } from '@waffle-kit/contract';
import { AuditEntryModel } from '../../db/models/index.js';
import type { WriteContext } from '../../db/transaction.js';
import type { Actor } from './actor.js';

export type AuditAction = AuditEntry['action'];

/** An audit entry as `GET /api/admin/audit` lists it: the contract's `AuditEntry`. */
export type AuditEntryJson = AuditEntry;

/** Writes one audit entry inside the change's own transaction: both commit or neither does. */
export async function recordAudit(
  { transaction }: WriteContext,
  actor: Actor,
  entry: { action: AuditAction; objectType: string; objectName: string; before: unknown; after: unknown },
): Promise<void> {
  await AuditEntryModel.create(
    {
      actor: actor.username,
      action: entry.action,
      objectType: entry.objectType,
      objectName: entry.objectName,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    },
    { transaction },
  );
}

/**
 * Records that `actor` created `after` (an entry with no `before`) and returns it: how every
 * create ends.
 */
export async function recordCreation<T>(
  ctx: WriteContext,
  actor: Actor,
  objectType: string,
  objectName: string,
  after: T,
): Promise<T> {
  await recordAudit(ctx, actor, { action: 'create', objectType, objectName, before: null, after });
  return after;
}

/** Only `recordAudit` writes the column: the JSON of an object, or null. */
function parse(text: string | null): AuditValue {
  return text === null ? null : (JSON.parse(text) as AuditValue);
}

/** Audit entries, newest first, optionally for one object type and name. */
export async function listAudit(filter: {
  objectType?: string;
  objectName?: string;
  limit?: number;
}): Promise<AuditEntryJson[]> {
  const rows = await AuditEntryModel.findAll({
    where: {
      ...(filter.objectType ? { objectType: filter.objectType } : {}),
      ...(filter.objectName ? { objectName: filter.objectName } : {}),
    },
    order: [['id', 'DESC']],
    limit: filter.limit ?? 100,
  });
  return rows.map(
    (row): AuditEntry => ({
      id: row.id,
      actor: row.actor,
      action: row.action as AuditAction,
      object_type: row.objectType,
      object_name: row.objectName,
      before: parse(row.before),
      after: parse(row.after),
      created: row.createdAt.toISOString(),
    }),
  );
}
