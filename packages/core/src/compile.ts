import { bucketFromSalt, bucketSalt, bucketThreshold } from './bucket.js';
import { evaluate } from './evaluate.js';
import type { HashState } from './hash.js';
import { requestLanguage } from './request-language.js';
import { readTestingMode, type TestingKeys, testingKeys } from './testing-mode.js';
import type {
  EvaluateOptions,
  EvaluationContext,
  Flag,
  FlagEvaluation,
  FlagSnapshot,
  TestingCookie,
} from './types.js';

export interface CompileOptions extends EvaluateOptions {
  /** The value of a flag the snapshot does not know (Waffle's `FLAG_DEFAULT`). */
  readonly flagDefault?: boolean;
  /** The value of an unknown switch (`SWITCH_DEFAULT`). */
  readonly switchDefault?: boolean;
  /** The value of an unknown sample (`SAMPLE_DEFAULT`). */
  readonly sampleDefault?: boolean;
}

/** One flag made ready for fast evaluation: sets instead of lists, buckets instead of percents. */
interface CompiledFlag {
  readonly source: Flag;
  readonly name: string;
  readonly everyone: boolean | null;
  readonly testing: TestingKeys | null;
  readonly languages: ReadonlySet<string> | null;
  readonly authenticated: boolean;
  readonly staff: boolean;
  readonly superusers: boolean;
  readonly users: ReadonlySet<string> | null;
  readonly groups: ReadonlySet<string> | null;
  readonly enterpriseThresholds: ReadonlyMap<string, number> | null;
  /** Buckets the global percentage turns on, 0-1000 (0 when there is none). */
  readonly threshold: number;
  readonly salt: HashState;
}

/** All flag state, compiled by `compile`; immutable. */
export interface CompiledSnapshot {
  readonly flags: readonly CompiledFlag[];
  readonly flagsByName: ReadonlyMap<string, CompiledFlag>;
  readonly switches: ReadonlyMap<string, boolean>;
  readonly samples: ReadonlyMap<string, number>;
  readonly options: Required<CompileOptions>;
  readonly usesLanguages: boolean;
}

const setOrNull = (items: readonly string[]): ReadonlySet<string> | null =>
  items.length > 0 ? new Set(items) : null;

function compileFlag(flag: Flag): CompiledFlag {
  const percentages = Object.entries(flag.enterprisePercentages ?? {});
  return {
    source: flag,
    name: flag.name,
    everyone: flag.everyone,
    testing: flag.testing ? testingKeys(flag.name) : null,
    languages: setOrNull(flag.languages),
    authenticated: flag.authenticated,
    staff: flag.staff,
    superusers: flag.superusers,
    users: setOrNull(flag.users),
    groups: setOrNull(flag.groups),
    enterpriseThresholds:
      percentages.length > 0
        ? new Map(percentages.map(([uuid, percent]) => [uuid, bucketThreshold(percent)]))
        : null,
    threshold: flag.percent !== null && flag.percent > 0 ? bucketThreshold(flag.percent) : 0,
    salt: bucketSalt(flag.name),
  };
}

/**
 * Turns a snapshot of all flag state into the structures that make evaluating every flag for one
 * request cheap: sets for users, groups and languages, a map of enterprise thresholds per flag and
 * each flag's hash salt computed once.
 *
 * @example
 * const compiled = compile({ flags, switches, samples });
 * evaluateAll(compiled, ctx); // { 'enterprise.dashboard_v2': true, ... }
 */
export function compile(snapshot: FlagSnapshot, options: CompileOptions = {}): CompiledSnapshot {
  const flags = snapshot.flags.map(compileFlag);
  return {
    flags,
    flagsByName: new Map(flags.map((flag) => [flag.name, flag])),
    switches: new Map((snapshot.switches ?? []).map((s) => [s.name, s.active])),
    samples: new Map((snapshot.samples ?? []).map((s) => [s.name, s.percent])),
    options: {
      override: options.override ?? false,
      flagDefault: options.flagDefault ?? false,
      switchDefault: options.switchDefault ?? false,
      sampleDefault: options.sampleDefault ?? false,
    },
    usesLanguages: flags.some((flag) => flag.languages !== null),
  };
}

function hasAny(user: { readonly groups: readonly string[] }, groups: ReadonlySet<string>): boolean {
  for (const group of user.groups) if (groups.has(group)) return true;
  return false;
}

/**
 * Evaluates every flag of the snapshot for one request: `{ [flagName]: boolean }`, the same
 * values as calling `evaluate` flag by flag. Testing-mode cookies the response must set are
 * pushed onto `cookies` when it is given.
 */
export function evaluateAll(
  compiled: CompiledSnapshot,
  ctx: EvaluationContext,
  cookies?: TestingCookie[],
): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  const user = ctx.user ?? null;
  const subject = user === null ? null : user.id !== null ? String(user.id) : (ctx.anonymousId ?? null);
  const uuid = ctx.enterpriseCustomerUuid;
  const memberOf = user !== null && uuid && user.linkedEnterpriseCustomerUuids.includes(uuid) ? uuid : null;
  const language = compiled.usesLanguages ? requestLanguage(ctx) : undefined;
  const forced = compiled.options.override ? ctx.query : undefined;

  for (const flag of compiled.flags) {
    result[flag.name] = decide(flag, ctx, user, subject, memberOf, language, forced, cookies);
  }
  return result;
}

function decide(
  flag: CompiledFlag,
  ctx: EvaluationContext,
  user: EvaluationContext['user'],
  subject: string | null,
  memberOf: string | null,
  language: string | undefined,
  forced: EvaluationContext['query'],
  cookies: TestingCookie[] | undefined,
): boolean {
  if (forced !== undefined) {
    const value = forced[flag.name];
    if (value !== undefined) return value === '1';
  }
  if (flag.everyone !== null) return flag.everyone;
  if (flag.testing !== null) {
    const decision = readTestingMode(flag.testing, ctx);
    if (decision) {
      if (decision.cookie && cookies) cookies.push(decision.cookie);
      return decision.value;
    }
  }
  if (flag.languages !== null && language !== undefined && flag.languages.has(language)) return true;
  if (!user) return false;
  if (
    (flag.authenticated && user.isAuthenticated) ||
    (flag.staff && user.isStaff) ||
    (flag.superusers && user.isSuperuser) ||
    (flag.users !== null && user.isAuthenticated && flag.users.has(user.username)) ||
    (flag.groups !== null && hasAny(user, flag.groups))
  ) {
    return true;
  }
  let threshold = flag.threshold;
  if (memberOf !== null && flag.enterpriseThresholds !== null) {
    threshold = flag.enterpriseThresholds.get(memberOf) ?? threshold;
  }
  if (threshold === 0 || subject === null) return false;
  return bucketFromSalt(flag.salt, subject) < threshold;
}

/**
 * One flag by name, with the reason that decided it. A name the snapshot does not know gets the
 * configured default with reason `unknown`; the caller logs it.
 */
export function evaluateFlag(
  compiled: CompiledSnapshot,
  name: string,
  ctx: EvaluationContext,
): FlagEvaluation {
  const flag = compiled.flagsByName.get(name);
  if (!flag) return { value: compiled.options.flagDefault, reason: 'unknown' };
  return evaluate(flag.source, ctx, compiled.options);
}

/** Whether a switch is on; an unknown switch gets the configured default. */
export function switchIsActive(compiled: CompiledSnapshot, name: string): boolean {
  return compiled.switches.get(name) ?? compiled.options.switchDefault;
}

/**
 * Whether a sample is on for this evaluation: a fresh draw every time, `percent`% of them on.
 * `random` returns a number in [0, 1); tests pass their own.
 */
export function sampleIsActive(
  compiled: CompiledSnapshot,
  name: string,
  random: () => number = Math.random,
): boolean {
  const percent = compiled.samples.get(name);
  if (percent === undefined) return compiled.options.sampleDefault;
  return random() * 100 < percent;
}
