import { bucketSalt, bucketThreshold } from './bucket.js';
import type { HashState } from './hash.js';
import { type TestingKeys, testingKeys } from './testing-mode.js';
import type { EvaluateOptions, Flag } from './types.js';

/**
 * A flag's inputs to the rules of `rules.ts`, prepared once: sets instead of lists, buckets
 * instead of percents, the hash salt. Null stands for "this flag does not use the rule".
 */
export interface CompiledFlag {
  readonly source: Flag;
  readonly name: string;
  /** The server's override setting, as `readRequestFacts` asks for it when evaluating one flag. */
  readonly override: boolean;
  readonly everyone: boolean | null;
  readonly testing: TestingKeys | null;
  readonly languages: ReadonlySet<string> | null;
  readonly authenticated: boolean;
  readonly staff: boolean;
  readonly superusers: boolean;
  readonly users: ReadonlySet<string> | null;
  readonly groups: ReadonlySet<string> | null;
  /** Buckets each enterprise customer's percentage turns on, by customer uuid. */
  readonly enterpriseThresholds: ReadonlyMap<string, number> | null;
  /** The global percentage when it is above 0, else null. */
  readonly percent: number | null;
  /** Buckets the global percentage turns on, 0-1000 (0 when there is none). */
  readonly threshold: number;
  /** The hash state of `name + ":"`, so a request hashes only its subject. */
  readonly salt: HashState;
  /** Whether the rules read the request's bucket or language for this flag. */
  readonly usesBuckets: boolean;
  readonly usesLanguages: boolean;
}

const setOrNull = (items: readonly string[]): ReadonlySet<string> | null =>
  items.length > 0 ? new Set(items) : null;

// Built as one object literal: V8 reads a spread copy's fields markedly slower on the hot path.
export function compileFlag(flag: Flag, options: EvaluateOptions = {}): CompiledFlag {
  const percentages = Object.entries(flag.enterprisePercentages ?? {});
  const percent = flag.percent !== null && flag.percent > 0 ? flag.percent : null;
  const enterpriseThresholds =
    percentages.length > 0
      ? new Map(percentages.map(([uuid, p]) => [uuid, bucketThreshold(p)] as const))
      : null;
  const languages = setOrNull(flag.languages);
  return {
    source: flag,
    name: flag.name,
    override: options.override === true,
    everyone: flag.everyone,
    testing: flag.testing ? testingKeys(flag.name) : null,
    languages,
    authenticated: flag.authenticated,
    staff: flag.staff,
    superusers: flag.superusers,
    users: setOrNull(flag.users),
    groups: setOrNull(flag.groups),
    enterpriseThresholds,
    percent,
    threshold: percent === null ? 0 : bucketThreshold(percent),
    salt: bucketSalt(flag.name),
    usesBuckets: percent !== null || enterpriseThresholds !== null,
    usesLanguages: languages !== null,
  };
}
