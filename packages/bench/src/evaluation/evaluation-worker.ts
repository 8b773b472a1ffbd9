/**
 * Checks and times one implementation in a process of its own (forked by the evaluation part),
 * so each library gets a fresh heap and fresh JIT feedback: none runs in the wake of another.
 *
 * argv: <implementation name> <users> <runs>; answers with one `WorkerResult` message.
 */
import { IMPLEMENTATIONS } from '../implementations/index.js';
import { packageVersion } from '../package-version.js';
import { assertCorrect } from '../scenario/check.js';
import { buildScenario, STANDARD } from '../scenario/scenario.js';
import { type Timing, timeEvaluator } from '../timing.js';

export type WorkerResult =
  | {
      readonly ok: true;
      readonly name: string;
      readonly version: string;
      readonly call: string;
      readonly timing: Timing;
    }
  | { readonly ok: false; readonly error: string };

async function run(name: string, users: number, runs: number): Promise<WorkerResult> {
  const implementation = IMPLEMENTATIONS.find((candidate) => candidate.name === name);
  if (!implementation) return { ok: false, error: `No implementation is called ${name}.` };
  const scenario = buildScenario({ ...STANDARD, users });
  const evaluator = await implementation.prepare(scenario);
  try {
    await assertCorrect(implementation.name, evaluator, scenario);
    const timing = await timeEvaluator(evaluator, users, runs);
    const version = implementation.packageName ? packageVersion(implementation.packageName) : '';
    return { ok: true, name, version, call: implementation.call, timing };
  } finally {
    await evaluator.close?.();
  }
}

const [name = '', users = '0', runs = '0'] = process.argv.slice(2);
run(name, Number(users), Number(runs))
  .catch(
    (error: unknown): WorkerResult => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }),
  )
  .then((result) => process.send!(result, () => process.exit(0)));
