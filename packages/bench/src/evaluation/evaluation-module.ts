import { IMPLEMENTATIONS } from '../implementations/index.js';
import { packageVersion } from '../package-version.js';
import { figure, integer } from '../report/table.js';
import { assertCorrect } from '../scenario/check.js';
import { buildScenario, STANDARD } from '../scenario/scenario.js';
import type { BenchModule, Section } from '../suite.js';
import { type Timing, timeEvaluator } from '../timing.js';

const TARGET_MICROSECONDS = 2;
const TARGET_RATIO = 10;

/**
 * Part 1: the scenario (50 flags, 100,000 distinct users) with waffle-kit, each peer and
 * the hand-written floor, all in this process, one after the other. Each implementation is
 * checked on every user before it is timed.
 */
export const evaluationModule: BenchModule = {
  id: 'evaluation',
  async run({ quick, log }): Promise<Section> {
    // The peers take 100-300 µs a request here: a quick run keeps them to seconds each.
    const options = quick ? { ...STANDARD, users: 5_000 } : STANDARD;
    const runs = 5;
    const scenario = buildScenario(options);
    const flags = scenario.flags.length;
    const timings: { name: string; version: string; call: string; timing: Timing }[] = [];

    for (const implementation of IMPLEMENTATIONS) {
      log(`evaluation: ${implementation.name}: checking ${integer(options.users)} users`);
      const evaluator = await implementation.prepare(scenario);
      try {
        await assertCorrect(implementation.name, evaluator, scenario);
        log(`evaluation: ${implementation.name}: timing ${runs} passes`);
        const timing = await timeEvaluator(evaluator, options.users, runs);
        const version = implementation.packageName ? packageVersion(implementation.packageName) : '';
        timings.push({ name: implementation.name, version, call: implementation.call, timing });
      } finally {
        await evaluator.close?.();
      }
    }

    const ours = timings.find((t) => t.name === 'waffle-kit')!.timing.median;
    const peers = timings.filter((t) => t.version !== '' && t.name !== 'waffle-kit');
    const fastestPeer = peers.reduce((a, b) => (a.timing.median <= b.timing.median ? a : b));
    const ratio = fastestPeer.timing.median / ours;

    return {
      title: 'Evaluation',
      tables: [
        {
          title: `${flags} flags per request, ${integer(options.users)} distinct users, median of ${runs} passes`,
          columns: [
            'implementation',
            'version',
            'µs/request',
            'min µs',
            'evaluations/s',
            'time vs waffle-kit',
          ],
          rows: timings.map(({ name, version, timing }) => [
            name,
            version,
            figure(timing.median),
            figure(timing.min),
            integer((flags * 1e6) / timing.median),
            `${figure(timing.median / ours)}×`,
          ]),
        },
      ],
      notes: [
        `Target <= ${TARGET_MICROSECONDS} µs per request: ${ours <= TARGET_MICROSECONDS ? 'met' : 'missed'} (${figure(ours)} µs).`,
        `Target >= ${TARGET_RATIO}× faster than the fastest peer: ${ratio >= TARGET_RATIO ? 'met' : 'missed'} (${fastestPeer.name} takes ${figure(ratio)}× our time).`,
        ...timings.map(({ name, call }) => `${name}: ${call}.`),
      ],
    };
  },
};
