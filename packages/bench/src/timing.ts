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

/**
 * `runs` timed passes over every user, after the correctness check has warmed the code up; the
 * median is the figure reported, the minimum shows how much the shared machine added.
 */
export async function timeEvaluator(evaluator: Evaluator, users: number, runs: number): Promise<Timing> {
  const passes: number[] = [];
  for (let run = 0; run < runs; run++) passes.push(await timePass(evaluator, users));
  return summarize(passes);
}
