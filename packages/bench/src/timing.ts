import { performance } from 'node:perf_hooks';
import type { Evaluator } from './implementations/implementation.js';

/** One timed pass over `users` requests; returns µs per request. */
export async function timePass(evaluator: Evaluator, users: number): Promise<number> {
  let sink = 0;
  const start = performance.now();
  if (evaluator.async) {
    for (let index = 0; index < users; index++) if ((await evaluator.evaluate(index)) !== undefined) sink++;
  } else {
    for (let index = 0; index < users; index++) if (evaluator.evaluate(index) !== undefined) sink++;
  }
  const elapsed = performance.now() - start;
  // Every result is defined, so this never fires; it keeps the results in use.
  if (sink !== users) throw new Error(`${users - sink} evaluations returned nothing`);
  return (elapsed * 1000) / users;
}

export interface Timing {
  /** µs per request of each pass, in order. */
  readonly passes: readonly number[];
  readonly median: number;
  readonly min: number;
}

/**
 * `runs` timed passes over every user, after the correctness check has warmed the code up; the
 * median is the figure reported, the minimum shows how much the shared machine added.
 */
export async function timeEvaluator(evaluator: Evaluator, users: number, runs: number): Promise<Timing> {
  const passes: number[] = [];
  for (let run = 0; run < runs; run++) passes.push(await timePass(evaluator, users));
  const sorted = [...passes].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { passes, median, min: sorted[0]! };
}
