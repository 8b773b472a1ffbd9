import type { AuditValue } from '../api/index.js';

export interface AuditChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

// Bookkeeping fields change on every write; showing them hides the change that matters.
const BOOKKEEPING = new Set(['modified', 'created', 'version', 'id']);

/** A value as the diff shows it: plain text, lists joined, nothing as an em dash. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(formatAuditValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (value === '') return '(empty)';
  return String(value);
}

/**
 * The fields of an audit entry, before and after, changed ones first. A create has no before
 * and a delete no after; then every field counts as changed.
 */
export function diffAudit(before: AuditValue, after: AuditValue): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (BOOKKEEPING.has(field)) continue;
    const old = before?.[field];
    const now = after?.[field];
    changes.push({
      field,
      before: before ? formatAuditValue(old) : '—',
      after: after ? formatAuditValue(now) : '—',
      changed: before === null || after === null || JSON.stringify(old) !== JSON.stringify(now),
    });
  }
  return changes.sort((a, b) => Number(b.changed) - Number(a.changed));
}
