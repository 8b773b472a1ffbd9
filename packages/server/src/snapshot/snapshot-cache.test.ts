import { defineFlag } from '@waffle-kit/core';
import { describe, expect, it } from 'vitest';
import { SnapshotCache } from './snapshot-cache.js';
import { EMPTY_SNAPSHOT, type VersionedSnapshot } from './versioned-snapshot.js';

const state = (version: number, everyone: boolean): VersionedSnapshot => ({
  ...EMPTY_SNAPSHOT,
  version,
  snapshot: { flags: [defineFlag({ name: 'f', everyone })] },
});

describe('SnapshotCache', () => {
  it('compiles each new state and tells subscribers', () => {
    const snapshot = new SnapshotCache();
    const seen: number[] = [];
    snapshot.subscribe((s) => seen.push(s.version));

    snapshot.replace(state(3, true));

    expect(snapshot.loaded).toBe(true);
    expect(snapshot.compiled.flagsByName.get('f')?.everyone).toBe(true);
    expect(seen).toEqual([3]);
  });

  it('never goes back to an older version (a slow load must not undo a newer one)', () => {
    const snapshot = new SnapshotCache();
    snapshot.replace(state(5, true));

    expect(snapshot.replace(state(4, false))).toBe(false);
    expect(snapshot.version).toBe(5);
    expect(snapshot.compiled.flagsByName.get('f')?.everyone).toBe(true);
  });
});
