import { type CompiledSnapshot, type CompileOptions, compile } from '@waffle-kit/core';
import { EMPTY_SNAPSHOT, type VersionedSnapshot } from './versioned-snapshot.js';

type Listener = (state: VersionedSnapshot) => void;

/** The key of a list of sets in the per-set cache: names cannot hold a newline. */
const setsKey = (sets: readonly string[]): string =>
  sets.length === 1 ? sets[0]! : [...sets].sort().join('\n');

/** Each set's flags compiled on their own, so evaluating a set touches none of the others. */
function compileSets(state: VersionedSnapshot, options: CompileOptions): Map<string, CompiledSnapshot> {
  const bySet = new Map<string, CompiledSnapshot>();
  for (const name of state.sets.keys()) bySet.set(name, compileUnion(state, [name], options));
  return bySet;
}

function compileUnion(
  state: VersionedSnapshot,
  sets: readonly string[],
  options: CompileOptions,
): CompiledSnapshot {
  const names = new Set(sets.flatMap((set) => state.sets.get(set) ?? []));
  const flags = state.snapshot.flags.filter((flag) => names.has(flag.name));
  return compile({ ...state.snapshot, flags }, options);
}

/**
 * The process's one in-memory copy of all flag state (the last {@link VersionedSnapshot} loaded),
 * compiled for evaluation. Immutable values swapped whole: a request reads `compiled` once and
 * sees one consistent version. Named a cache, not a snapshot: core's `FlagSnapshot` is the plain
 * data it holds.
 */
export class SnapshotCache {
  #state: VersionedSnapshot = EMPTY_SNAPSHOT;
  #compiled: CompiledSnapshot;
  #bySet = new Map<string, CompiledSnapshot>();
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

  /**
   * The compiled flags a route serving `sets` evaluates: the union of those sets' flags. Every
   * flag when no sets are named, or when the deployment defines no sets at all (so a route
   * configured for sets keeps working on a database without them). A set that does not exist
   * adds no flags (`unknownSets` names them).
   */
  compiledFor(sets: readonly string[] | undefined): CompiledSnapshot {
    if (!sets || sets.length === 0 || this.#state.sets.size === 0) return this.compiled;
    const key = setsKey(sets);
    let compiled = this.#bySet.get(key);
    if (!compiled) {
      compiled = compileUnion(this.#state, sets, this.options);
      this.#bySet.set(key, compiled);
    }
    return compiled;
  }

  /** The names in `sets` that are no flag set of the current state (none while no sets are defined). */
  unknownSets(sets: readonly string[]): string[] {
    if (this.#state.sets.size === 0) return [];
    return sets.filter((set) => !this.#state.sets.has(set));
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
    this.#bySet = compileSets(state, this.options);
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
    return true;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
