import { type CompiledFlag, compileFlag } from './compiled-flag.js';
import { readRequestFacts } from './request-facts.js';
import { decideValue, decideWithReason } from './rules.js';
import type {
  EvaluateOptions,
  EvaluationContext,
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
  /** The override setting (`options.override`), as `readRequestFacts` asks for it. */
  readonly override: boolean;
  /**
   * Every flag name with its `templateValue`, in flag order, for `evaluateAll` to copy; null for
   * 128 flags or more, or when names repeat or one is `__proto__` (a copy would differ there).
   */
  readonly resultTemplate: Readonly<Record<string, boolean>> | null;
  /**
   * The flags `evaluateAll` walks the rules for. With a template and the override setting off,
   * a flag that rule 1 (`everyone`) decides is already right in the template, so it is left out.
   */
  readonly walked: readonly CompiledFlag[];
}

/**
 * Flag counts up to which a result template pays off. V8 gives a JSON.parse'd object of fewer than
 * 128 keys fast properties, and copying such an object is cheap; from 128 keys on it is a
 * dictionary, and copying one costs more than building the result key by key.
 */
const TEMPLATE_MAX_FLAGS = 127;

/** A flag's value in the result template: `everyone` when set, else false. */
const templateValue = (flag: CompiledFlag): boolean => flag.everyone === true;

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
    values[flag.name] = templateValue(flag);
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
  const flags = snapshot.flags.map((flag) => compileFlag(flag, options));
  const template = resultTemplate(flags);
  const override = options.override ?? false;
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
    usesLanguages: flags.some((flag) => flag.usesLanguages),
    usesBuckets: flags.some((flag) => flag.usesBuckets),
    override,
    resultTemplate: template,
    walked: template !== null && !override ? flags.filter((flag) => flag.everyone === null) : flags,
  };
}

/**
 * Evaluates every flag of the snapshot for one request: `{ [flagName]: boolean }`, the same
 * rules as `evaluate`, asked for the value only. Testing-mode cookies the response must set are
 * pushed onto `cookies` when it is given.
 */
export function evaluateAll(
  compiled: CompiledSnapshot,
  ctx: EvaluationContext,
  cookies?: TestingCookie[],
): Record<string, boolean> {
  const template = compiled.resultTemplate;
  const result: Record<string, boolean> = template === null ? {} : { ...template };
  const request = readRequestFacts(ctx, compiled, cookies);
  for (const flag of compiled.walked) {
    const value = decideValue(flag, request);
    // The template already holds the usual value: only the others are written.
    if (template === null || value !== templateValue(flag)) result[flag.name] = value;
  }
  return result;
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
  return decideWithReason(flag, readRequestFacts(ctx, flag));
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
