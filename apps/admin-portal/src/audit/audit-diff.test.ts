import { describe, expect, it } from 'vitest';
import { diffAudit, formatAuditValue } from './audit-diff.js';

describe('diffAudit', () => {
  it('lists changed fields first and leaves out bookkeeping fields', () => {
    const before = { name: 'x', percent: 10, users: ['alice'], note: 'same', version: 3, modified: 'a' };
    const after = {
      name: 'x',
      percent: 30,
      users: ['alice', 'bob'],
      note: 'same',
      version: 4,
      modified: 'b',
    };
    expect(diffAudit(before, after)).toEqual([
      { field: 'percent', before: '10', after: '30', changed: true },
      { field: 'users', before: 'alice', after: 'alice, bob', changed: true },
      { field: 'name', before: 'x', after: 'x', changed: false },
      { field: 'note', before: 'same', after: 'same', changed: false },
    ]);
  });

  it('counts every field as changed for a create and for a delete', () => {
    expect(diffAudit(null, { name: 'x', everyone: null })).toEqual([
      { field: 'name', before: '—', after: 'x', changed: true },
      { field: 'everyone', before: '—', after: '—', changed: true },
    ]);
    expect(diffAudit({ active: true }, null)).toEqual([
      { field: 'active', before: 'true', after: '—', changed: true },
    ]);
  });

  it('shows empty lists, empty text and objects readably', () => {
    expect(formatAuditValue([])).toBe('(none)');
    expect(formatAuditValue('')).toBe('(empty)');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
    expect(formatAuditValue(false)).toBe('false');
  });

  it('shows enterprise percentages by customer name', () => {
    const names: Record<string, string> = { 'uuid-a': 'Acme Corp' };
    const nameOf = (uuid: string) => names[uuid] ?? uuid;
    const [change] = diffAudit(
      { enterprise_percentages: [{ enterprise_customer_uuid: 'uuid-a', percent: 30 }] },
      {
        enterprise_percentages: [
          { enterprise_customer_uuid: 'uuid-a', percent: 100 },
          { enterprise_customer_uuid: 'uuid-b', percent: 0 },
        ],
      },
      nameOf,
    );
    expect(change).toEqual({
      field: 'enterprise_percentages',
      before: 'Acme Corp 30%',
      after: 'Acme Corp 100%, uuid-b 0%',
      changed: true,
    });
  });
});
