import { waffleKit } from '../implementations/waffle-kit.js';
import { figure, integer, type Table } from '../report/table.js';
import { assertCorrect } from '../scenario/check.js';
import { buildScenario, type ScenarioOptions, STANDARD } from '../scenario/scenario.js';
import type { BenchModule, Section } from '../suite.js';
import { timeEvaluator } from '../timing.js';

interface Dimension {
  readonly title: string;
  readonly column: string;
  readonly points: readonly number[];
  readonly quickPoints: readonly number[];
  readonly options: (point: number, users: number) => ScenarioOptions;
}

const DIMENSIONS: readonly Dimension[] = [
  {
    title: 'Enterprise percentage rows per enterprise flag (10 enterprise flags of 50)',
    column: 'rows per flag',
    points: [10, 100, 1_000, 10_000, 100_000],
    quickPoints: [10, 100_000],
    options: (rows, users) => ({ ...STANDARD, users, customers: rows }),
  },
  {
    title: 'Users on each allow list (10 allow-list flags of 50)',
    column: 'users per list',
    points: [10, 100, 1_000, 10_000, 100_000],
    quickPoints: [10, 100_000],
    options: (size, users) => ({ ...STANDARD, users, allowListSize: size }),
  },
  {
    title: 'Flags evaluated per request (the same five kinds, in equal numbers)',
    column: 'flags',
    points: [50, 500, 5_000],
    quickPoints: [50, 5_000],
    options: (flags, users) => ({ ...STANDARD, users, flagGroups: flags / 5 }),
  },
];

/** Distinct users per point: fewer when there are more flags, so every pass takes about as long. */
const usersFor = (options: ScenarioOptions, quick: boolean): number =>
  Math.max(1_000, Math.round(((quick ? 10_000 : 50_000) * 10) / options.flagGroups));

/**
 * Part 2: waffle-kit's cost per request as one dimension of the scenario grows. Flat in rows and
 * in allow-list users (hash lookups), linear in flags evaluated.
 */
export const scalingModule: BenchModule = {
  id: 'scaling',
  async run({ quick, log }): Promise<Section> {
    const runs = 5;
    const tables: Table[] = [];
    for (const dimension of DIMENSIONS) {
      const rows: string[][] = [];
      for (const point of quick ? dimension.quickPoints : dimension.points) {
        const shape = dimension.options(point, 0);
        const users = usersFor(shape, quick);
        const scenario = buildScenario({ ...shape, users });
        log(`scaling: ${dimension.column} = ${integer(point)}: ${integer(users)} users`);
        const evaluator = await waffleKit.prepare(scenario);
        await assertCorrect(waffleKit.name, evaluator, scenario);
        const timing = await timeEvaluator(evaluator, users, runs);
        const flags = scenario.flags.length;
        rows.push([
          integer(point),
          integer(users),
          figure(timing.median),
          figure((timing.median * 1000) / flags),
        ]);
      }
      tables.push({
        title: dimension.title,
        columns: [dimension.column, 'users', 'µs/request', 'ns/flag'],
        rows,
      });
    }
    return {
      title: 'Scaling (waffle-kit)',
      tables,
      notes: [
        `Median of ${runs} passes per point; every point is checked before it is timed.`,
        'Expected: flat in rows and in allow-list users (both are hash lookups), linear in flags (ns/flag flat).',
      ],
    };
  },
};
