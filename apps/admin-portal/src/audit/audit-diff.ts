import type { AuditValue } from '../api/index.js';

export interface AuditChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

// Bookkeeping fields change on every write; showing them hides the change that matters.
const BOOKKEEPING = new Set(['modified', 'created', 'version', 'id']);

/** A customer's name for its uuid (the uuid itself when unknown). */
export type CustomerName = (uuid: string) => string;

function isEnterprisePercentage(
  value: object,
): value is { enterprise_customer_uuid: string; percent: unknown } {
  return 'enterprise_customer_uuid' in value && 'percent' in value;
}

/** A value as the diff shows it: plain text, lists joined, nothing as an em dash. */
export function formatAuditValue(value: unknown, nameOf: CustomerName = (uuid) => uuid): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map((item) => formatAuditValue(item, nameOf)).join(', ');
  }
  if (typeof value === 'object') {
    // A flag's enterprise percentages read as "Acme Corp 30%".
    if (isEnterprisePercentage(value)) return `${nameOf(value.enterprise_customer_uuid)} ${value.percent}%`;
    return JSON.stringify(value);
  }
  if (value === '') return '(empty)';
  return String(value);
}

/**
 * The fields of an audit entry, before and after, changed ones first. A create has no before
 * and a delete no after; then every field counts as changed.
 */
export function diffAudit(before: AuditValue, after: AuditValue, nameOf?: CustomerName): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (BOOKKEEPING.has(field)) continue;
    const old = before?.[field];
    const now = after?.[field];
    changes.push({
      field,
      before: before ? formatAuditValue(old, nameOf) : '—',
      after: after ? formatAuditValue(now, nameOf) : '—',
      changed: before === null || after === null || JSON.stringify(old) !== JSON.stringify(now),
    });
  }
  return changes.sort((a, b) => Number(b.changed) - Number(a.changed));
}
