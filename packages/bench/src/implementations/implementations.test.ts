import { describe, expect, it } from 'vitest';
import { assertCorrect, checkEvaluator } from '../scenario/check.js';
import { buildScenario } from '../scenario/scenario.js';
import type { Evaluator } from './implementation.js';
import { IMPLEMENTATIONS } from './index.js';

// Small, so the whole file runs in a second or two: 10 flags, 1,000 users.
const scenario = buildScenario({ users: 1_000, flagGroups: 2, allowListSize: 20, customers: 3 });

describe.each(IMPLEMENTATIONS.map((implementation) => [implementation.name, implementation] as const))(
  '%s',
  (_name, implementation) => {
    it('answers every flag of the scenario correctly for every user', async () => {
      const evaluator = await implementation.prepare(scenario);
      try {
        const checks = await checkEvaluator(evaluator, scenario);
        expect(checks.filter((check) => !check.ok)).toEqual([]);
        expect(checks).toHaveLength(scenario.flags.length);
      } finally {
        await evaluator.close?.();
      }
    });
  },
);

describe('the correctness check', () => {
  const always = (value: boolean): Evaluator<boolean> => ({
    async: false,
    evaluate: () => value,
    read: (result) => result,
  });

  it('rejects an implementation that turns every flag off', async () => {
    await expect(assertCorrect('all off', always(false), scenario)).rejects.toThrow(
      /all off gives wrong answers[\s\S]*bench\.on_0: on for 0, expected 1000/,
    );
  });

  it('rejects an implementation that turns every flag on', async () => {
    await expect(assertCorrect('all on', always(true), scenario)).rejects.toThrow(
      /bench\.off_0: on for 1000/,
    );
  });

  it('counts a percentage flag as right only near its share', async () => {
    const percentFlag = scenario.flags.findIndex((flag) => flag.kind === 'percent');
    const everyOther: Evaluator<number> = {
      async: false,
      evaluate: (index) => index,
      read: (index, flag, f) => (f === percentFlag ? index % 2 === 0 : flag.kind === 'on'),
    };
    const check = (await checkEvaluator(everyOther, scenario))[percentFlag]!;
    // The first percentage flag is at 4%, so 50% on is far outside the tolerance.
    expect(check.on).toBe(500);
    expect(check.ok).toBe(false);
  });
});
