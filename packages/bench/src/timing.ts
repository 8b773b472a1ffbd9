import { performance } from 'node:perf_hooks';
import type { Evaluator } from './implementations/implementation.js';

/**
 * One timed pass: every user once, repeated until `minimumMs` have gone (so a fast library on a
 * small population is not timed over a few milliseconds, where one preemption by another process
 * doubles the figure). Returns µs per request.
 */
export async function timePass(evaluator: Evaluator, users: number, minimumMs = 0): Promise<number> {
  let sink = 0;
  let requests = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    if (evaluator.async) {
      for (let index = 0; index < users; index++) if ((await evaluator.evaluate(index)) !== undefined) sink++;
    } else {
      for (let index = 0; index < users; index++) if (evaluator.evaluate(index) !== undefined) sink++;
    }
    requests += users;
    elapsed = performance.now() - start;
  } while (elapsed < minimumMs);
  // Every result is defined, so this never fires; it keeps the results in use.
  if (sink !== requests) throw new Error(`${requests - sink} evaluations returned nothing`);
  return (elapsed * 1000) / requests;
}

export interface Timing {
  /** µs per request of each pass, in order. */
  readonly passes: readonly number[];
  readonly median: number;
  readonly min: number;
}

/** The median and fastest of some passes (µs per request). */
export function summarize(passes: readonly number[]): Timing {
  const sorted = [...passes].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { passes, median, min: sorted[0]! };
}

/** The shortest a timed pass may be: one preemption by another process must not double a figure. */
export const PASS_MINIMUM_MS = 250;

/**
 * One untimed pass to warm the code up, then `runs` timed passes over every user, each at least
 * `minimumMs` long; the median is the figure reported, the minimum shows how much the shared
 * machine added.
 */
export async function timeEvaluator(
  evaluator: Evaluator,
  users: number,
  runs: number,
  minimumMs = PASS_MINIMUM_MS,
): Promise<Timing> {
  await timePass(evaluator, users);
  const passes: number[] = [];
  for (let run = 0; run < runs; run++) passes.push(await timePass(evaluator, users, minimumMs));
  return summarize(passes);
}
