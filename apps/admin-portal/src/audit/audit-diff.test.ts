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
});
