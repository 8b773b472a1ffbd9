import { type CompiledSnapshot, type CompileOptions, compile } from '@waffle-kit/core';
import { EMPTY_SNAPSHOT, type VersionedSnapshot } from './versioned-snapshot.js';

type Listener = (state: VersionedSnapshot) => void;

/**
 * The process's one in-memory copy of all flag state (the last {@link VersionedSnapshot} loaded),
 * compiled for evaluation. Immutable values swapped whole: a request reads `compiled` once and
 * sees one consistent version. Named a cache, not a snapshot: core's `FlagSnapshot` is the plain
 * data it holds.
 */
export class SnapshotCache {
  #state: VersionedSnapshot = EMPTY_SNAPSHOT;
  #compiled: CompiledSnapshot;
  #listeners = new Set<Listener>();

  constructor(readonly options: CompileOptions = {}) {
    this.#compiled = compile(this.#state.snapshot, options);
  }

  get state(): VersionedSnapshot {
    return this.#state;
  }

  get compiled(): CompiledSnapshot {
    return this.#compiled;
  }

  get version(): number {
    return this.#state.version;
  }

  /** Whether a state has been loaded at least once (false: every flag has its default). */
  get loaded(): boolean {
    return this.#state !== EMPTY_SNAPSHOT;
  }

  /** Installs `state` unless it is older than the current one (a slow load must not undo a newer one). */
  replace(state: VersionedSnapshot): boolean {
    if (this.loaded && state.version < this.#state.version) return false;
    this.#compiled = compile(state.snapshot, this.options);
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
    return true;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
