/**
 * One implementation in a process of its own, driven by the evaluation part over IPC: it sets the
 * library up and checks it, says it is ready, then times one pass over all users each time it is
 * asked. Each library gets a fresh heap and fresh JIT feedback, and the parent interleaves the
 * passes of all libraries, so a change in the machine's load falls on all of them alike.
 *
 * argv: <implementation name> <users>
 */
import { performance } from 'node:perf_hooks';
import type { Evaluator } from '../implementations/implementation.js';
import { IMPLEMENTATIONS } from '../implementations/index.js';
import { packageVersion } from '../package-version.js';
import { assertCorrect } from '../scenario/check.js';
import { buildScenario, STANDARD } from '../scenario/scenario.js';
import { PASS_MINIMUM_MS, timePass } from '../timing.js';

/** Parent -> worker. */
export type WorkerCommand = { readonly type: 'pass' } | { readonly type: 'close' };

/** Worker -> parent. */
export type WorkerMessage =
  | { readonly type: 'ready'; readonly version: string; readonly call: string }
  | { readonly type: 'pass'; readonly microseconds: number }
  | { readonly type: 'error'; readonly error: string };

const send = (message: WorkerMessage): Promise<void> =>
  new Promise((resolve) => process.send!(message, () => resolve()));

async function main(name: string, users: number): Promise<void> {
  const implementation = IMPLEMENTATIONS.find((candidate) => candidate.name === name);
  if (!implementation) throw new Error(`No implementation is called ${name}.`);
  const scenario = buildScenario({ ...STANDARD, users });
  const evaluator = await implementation.prepare(scenario);
  await assertCorrect(implementation.name, evaluator, scenario);
  const version = implementation.packageName ? packageVersion(implementation.packageName) : '';
  await warmUp(evaluator, users);

  process.on('message', (command: WorkerCommand) => {
    if (command.type === 'pass') {
      timePass(evaluator, users, PASS_MINIMUM_MS).then(
        (microseconds) => send({ type: 'pass', microseconds }),
        (error: unknown) => fail(error),
      );
    } else {
      Promise.resolve(evaluator.close?.()).finally(() => process.exit(0));
    }
  });
  await send({ type: 'ready', version, call: implementation.call });
}

/**
 * Untimed passes until the JIT has seen enough calls (100,000 requests, the check's included) or
 * one second has gone: a quick run's 5,000-user check alone leaves fast code not yet optimized.
 */
async function warmUp(evaluator: Evaluator, users: number): Promise<void> {
  const started = performance.now();
  for (let done = users; done < 100_000 && performance.now() - started < 1_000; done += users) {
    await timePass(evaluator, users);
  }
}

function fail(error: unknown): void {
  send({ type: 'error', error: error instanceof Error ? error.message : String(error) }).finally(() =>
    process.exit(1),
  );
}

const [name = '', users = '0'] = process.argv.slice(2);
main(name, Number(users)).catch(fail);
