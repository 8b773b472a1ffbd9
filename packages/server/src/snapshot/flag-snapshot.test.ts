import { defineFlag } from '@waffle-kit/core';
import { describe, expect, it } from 'vitest';
import { FlagSnapshot } from './flag-snapshot.js';
import { EMPTY_FLAG_STATE, type FlagState } from './flag-state.js';

const state = (version: number, everyone: boolean): FlagState => ({
  ...EMPTY_FLAG_STATE,
  version,
  snapshot: { flags: [defineFlag({ name: 'f', everyone })] },
});

describe('FlagSnapshot', () => {
  it('compiles each new state and tells subscribers', () => {
    const snapshot = new FlagSnapshot();
    const seen: number[] = [];
    snapshot.subscribe((s) => seen.push(s.version));

    snapshot.replace(state(3, true));

    expect(snapshot.loaded).toBe(true);
    expect(snapshot.compiled.flagsByName.get('f')?.everyone).toBe(true);
    expect(seen).toEqual([3]);
  });

  it('never goes back to an older version (a slow load must not undo a newer one)', () => {
    const snapshot = new FlagSnapshot();
    snapshot.replace(state(5, true));

    expect(snapshot.replace(state(4, false))).toBe(false);
    expect(snapshot.version).toBe(5);
    expect(snapshot.compiled.flagsByName.get('f')?.everyone).toBe(true);
  });
});
