import { bucketFromEncodedSubject, bucketSalt, bucketThreshold } from './bucket.js';
import { evaluate } from './evaluate.js';
import { encodeSubject, type HashState } from './hash.js';
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
  /** The flag's value in the result template: `everyone` when set, else false. */
  readonly templateValue: boolean;
}

/** All flag state, compiled by `compile`; immutable. */
export interface CompiledSnapshot {
  readonly flags: readonly CompiledFlag[];
  readonly flagsByName: ReadonlyMap<string, CompiledFlag>;
  readonly switches: ReadonlyMap<string, boolean>;
  /** Every switch's value, made once per snapshot: what responses embed as `waffle_switches`. */
  readonly switchValues: Readonly<Record<string, boolean>>;
  readonly samples: ReadonlyMap<string, number>;
  readonly options: Required<CompileOptions>;
  readonly usesLanguages: boolean;
  /** Whether any flag has a percentage, so a request's subject must be hashed. */
  readonly usesBuckets: boolean;
  /**
   * Every flag name with its `templateValue`, in flag order, for `evaluateAll` to copy; null for
   * 128 flags or more, or when names repeat or one is `__proto__` (a copy would differ there).
   */
  readonly resultTemplate: Readonly<Record<string, boolean>> | null;
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
    templateValue: flag.everyone ?? false,
  };
}

/**
 * Flag counts up to which a result template pays off. V8 gives a JSON.parse'd object of fewer than
 * 128 keys fast properties, and copying such an object is cheap; from 128 keys on it is a
 * dictionary, and copying one costs more than building the result key by key.
 */
const TEMPLATE_MAX_FLAGS = 127;

/**
 * The object `evaluateAll` starts each result from. Built by JSON.parse so V8 gives it fast
 * properties: a copy of it costs little, whereas an empty object that gets 50 keys added by
 * computed name turns into a slow dictionary after about a dozen of them.
 */
function resultTemplate(flags: readonly CompiledFlag[]): Record<string, boolean> | null {
  if (flags.length > TEMPLATE_MAX_FLAGS) return null;
  const values: Record<string, boolean> = {};
  for (const flag of flags) {
    if (flag.name === '__proto__' || Object.hasOwn(values, flag.name)) return null;
    values[flag.name] = flag.templateValue;
  }
  return JSON.parse(JSON.stringify(values)) as Record<string, boolean>;
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
    switchValues: Object.freeze(Object.fromEntries((snapshot.switches ?? []).map((s) => [s.name, s.active]))),
    samples: new Map((snapshot.samples ?? []).map((s) => [s.name, s.percent])),
    options: {
      override: options.override ?? false,
      flagDefault: options.flagDefault ?? false,
      switchDefault: options.switchDefault ?? false,
      sampleDefault: options.sampleDefault ?? false,
    },
    usesLanguages: flags.some((flag) => flag.languages !== null),
    usesBuckets: flags.some((flag) => flag.threshold > 0 || flag.enterpriseThresholds !== null),
    resultTemplate: resultTemplate(flags),
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
  const template = compiled.resultTemplate;
  const result: Record<string, boolean> = template === null ? {} : { ...template };
  const user = ctx.user ?? null;
  const subject = user === null ? null : user.id !== null ? String(user.id) : (ctx.anonymousId ?? null);
  const uuid = ctx.enterpriseCustomerUuid;
  const memberOf = user !== null && uuid && user.linkedEnterpriseCustomerUuids.includes(uuid) ? uuid : null;
  const language = compiled.usesLanguages ? requestLanguage(ctx) : undefined;
  const forced = compiled.options.override ? ctx.query : undefined;
  // The subject is encoded once per request and hashed against each flag's salt.
  const subjectLength = subject !== null && compiled.usesBuckets ? encodeSubject(subject) : -1;

  for (const flag of compiled.flags) {
    const value = decide(flag, ctx, user, subjectLength, memberOf, language, forced, cookies);
    // The template already holds the usual value: only the others are written.
    if (template === null || value !== flag.templateValue) result[flag.name] = value;
  }
  return result;
}

function decide(
  flag: CompiledFlag,
  ctx: EvaluationContext,
  user: EvaluationContext['user'],
  subjectLength: number,
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
  if (threshold === 0 || subjectLength < 0) return false;
  return bucketFromEncodedSubject(flag.salt, subjectLength) < threshold;
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

/** Every switch's value, `{ [switchName]: boolean }`; the same frozen object for a snapshot. */
export function evaluateSwitches(compiled: CompiledSnapshot): Readonly<Record<string, boolean>> {
  return compiled.switchValues;
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
