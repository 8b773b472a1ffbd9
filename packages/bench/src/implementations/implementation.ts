import type { Scenario, ScenarioFlag } from '../scenario/scenario.js';

/**
 * One library set up for a scenario: evaluates every flag of the scenario for one request, the way
 * the library is meant to be called per request. Contexts are built in `prepare`, so only
 * evaluation is timed.
 */
export interface Evaluator<Result = unknown> {
  /** Every flag for user `index` of the scenario. */
  evaluate(index: number): Result | Promise<Result>;
  /** One flag's value out of a result; used by the correctness check, never timed. */
  read(result: Result, flag: ScenarioFlag, flagIndex: number): boolean;
  /** True when `evaluate` returns a promise (the timing loop awaits only then). */
  readonly async: boolean;
  close?(): Promise<void> | void;
}

/**
 * The evaluator of a library whose client answers one flag for one user context at a time
 * (`isOn(name, context)`): per request, every flag in turn into one reused array.
 */
export function perFlagEvaluator<Context>(
  names: readonly string[],
  contexts: readonly Context[],
  isOn: (name: string, context: Context) => boolean,
  close: () => void,
): Evaluator {
  const out = new Array<boolean>(names.length).fill(false);
  const evaluator: Evaluator<boolean[]> = {
    async: false,
    evaluate(index) {
      const context = contexts[index]!;
      for (let f = 0; f < names.length; f++) out[f] = isOn(names[f]!, context);
      return out;
    },
    read: (result, _flag, flagIndex) => result[flagIndex]!,
    close,
  };
  return evaluator as Evaluator;
}

export interface Implementation {
  /** Short label for tables: "waffle-kit", "unleash-client", ... */
  readonly name: string;
  /** The npm package measured, for the version column (none for the hand-written loop). */
  readonly packageName?: string;
  /** What is called per request, for the notes. */
  readonly call: string;
  prepare(scenario: Scenario): Promise<Evaluator>;
}
