import type { FlagSnapshot } from '@waffle-kit/core';

/** All flag state read at one snapshot version, plus when each object last changed (for `/waffle_status`). */
export interface VersionedSnapshot {
  readonly version: number;
  readonly snapshot: FlagSnapshot;
  /** Every flag set, by name, with the names of its flags (empty: the deployment defines no sets). */
  readonly sets: ReadonlyMap<string, readonly string[]>;
  readonly modified: {
    readonly flags: ReadonlyMap<string, string>;
    readonly switches: ReadonlyMap<string, string>;
    readonly samples: ReadonlyMap<string, string>;
  };
}

export const EMPTY_SNAPSHOT: VersionedSnapshot = {
  version: 0,
  snapshot: { flags: [], switches: [], samples: [] },
  sets: new Map(),
  modified: { flags: new Map(), switches: new Map(), samples: new Map() },
};
