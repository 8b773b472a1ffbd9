import { compile, evaluateAll } from '@waffle-kit/core';
import type { Evaluator } from '../implementations/implementation.js';
import { waffleContexts, waffleFlags } from '../implementations/waffle-kit.js';
import { figure, integer, type Table } from '../report/table.js';
import { buildScenario, STANDARD } from '../scenario/scenario.js';
import type { BenchModule, Section } from '../suite.js';
import { timeEvaluator } from '../timing.js';

/** Flags of the set a route embeds: four groups of the five kinds. */
const SET_SIZE = 20;
/** Users the set is timed over at every point, so only the number of flags in the database varies. */
const SET_USERS = 10_000;
const POINTS = [50, 500, 5_000, 50_000];
const QUICK_POINTS = [50, 5_000];

/** Bytes `enterprise_features` adds to a JSON response (its key, colon and comma included). */
const bytesAdded = (values: Record<string, boolean>): number =>
  Buffer.byteLength(JSON.stringify({ enterprise_features: values })) - 1;

/**
 * Flag sets (issue 17): a route that embeds a set of 20 flags, as the server's snapshot compiles
 * it (the set's flags on their own, `SnapshotCache.compiledFor`), against today's every flag, as
 * the total number of flags in the database grows.
 */
export const flagSetsModule: BenchModule = {
  id: 'flag-sets',
  async run({ quick, log }): Promise<Section> {
    const runs = 5;
    const rows: string[][] = [];
    for (const total of quick ? QUICK_POINTS : POINTS) {
      // Fewer users for the all-flags pass when there are many flags, so each pass is bounded.
      const users = Math.min(SET_USERS, Math.max(200, Math.round((quick ? 100_000 : 500_000) / total)));
      const scenario = buildScenario({ ...STANDARD, users: SET_USERS, flagGroups: total / 5 });
      const flags = waffleFlags(scenario);
      const setNames = new Set(flags.slice(0, SET_SIZE).map((flag) => flag.name));
      const all = compile({ flags });
      const set = compile({ flags: flags.filter((flag) => setNames.has(flag.name)) });
      const contexts = waffleContexts(scenario);
      log(`flag-sets: ${integer(total)} flags in the database`);
      // Correctness: the set's response holds exactly the set's flags, with the values of all.
      for (const ctx of contexts.slice(0, 100)) {
        const fromSet = evaluateAll(set, ctx);
        const fromAll = evaluateAll(all, ctx);
        const keys = Object.keys(fromSet).sort();
        if (keys.join() !== [...setNames].sort().join() || keys.some((k) => fromSet[k] !== fromAll[k])) {
          throw new Error(`flag-sets: the set's evaluation differs from every flag's at ${total} flags`);
        }
      }
      const evaluator = (compiled: typeof all): Evaluator =>
        ({
          async: false,
          evaluate: (index: number) => evaluateAll(compiled, contexts[index]!),
          read: (result: Record<string, boolean>, flag: { name: string }) => result[flag.name]!,
        }) as Evaluator;
      const setTiming = await timeEvaluator(evaluator(set), SET_USERS, runs);
      const allTiming = await timeEvaluator(evaluator(all), users, runs);
      const sample = contexts.slice(0, 100);
      const meanBytes = (compiled: typeof all) =>
        sample.reduce((sum, ctx) => sum + bytesAdded(evaluateAll(compiled, ctx)), 0) / sample.length;
      rows.push([
        integer(total),
        figure(setTiming.median),
        integer(meanBytes(set)),
        figure(allTiming.median),
        integer(meanBytes(all)),
      ]);
    }
    const table: Table = {
      title: `Total flags in the database, set of ${SET_SIZE} embedded (and today's every flag)`,
      columns: [
        'flags in database',
        'set: µs/request',
        'set: bytes added',
        'all: µs/request',
        'all: bytes added',
      ],
      rows,
    };
    return {
      title: 'Flag sets (waffle-kit)',
      tables: [table],
      notes: [
        `Median of ${runs} passes per point (after a warm-up pass; the set over the same ${integer(SET_USERS)} users at every point); every point checks that the set's values equal those of every flag.`,
        'Expected: the set columns flat in the total number of flags; the all columns linear in it.',
        'Evaluation only (`evaluateAll` over the compiled set, as the embedding calls it); bytes are those of `enterprise_features`.',
      ],
    };
  },
};
