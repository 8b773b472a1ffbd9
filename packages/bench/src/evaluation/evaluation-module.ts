import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IMPLEMENTATIONS } from '../implementations/index.js';
import { figure, integer } from '../report/table.js';
import { STANDARD } from '../scenario/scenario.js';
import type { BenchModule, Section } from '../suite.js';
import type { WorkerResult } from './evaluation-worker.js';

const WORKER = fileURLToPath(new URL('./evaluation-worker.ts', import.meta.url));

/** Runs the worker for one implementation; it inherits this process's Node flags (tsx, conditions). */
function measureInChild(name: string, users: number, runs: number): Promise<WorkerResult & { ok: true }> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [name, String(users), String(runs)], { stdio: 'inherit' });
    let answer: WorkerResult | undefined;
    child.on('message', (message) => {
      answer = message as WorkerResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer?.ok) resolve(answer);
      else
        reject(
          new Error(answer ? answer.error : `The ${name} worker exited with code ${code} and no result.`),
        );
    });
  });
}

const TARGET_MICROSECONDS = 2;
const TARGET_RATIO = 10;

/**
 * Part 1: the scenario (50 flags, 100,000 distinct users) with waffle-kit, each peer and
 * the hand-written floor, one after the other, each in a fresh process. Each implementation is
 * checked on every user before it is timed.
 */
export const evaluationModule: BenchModule = {
  id: 'evaluation',
  async run({ quick, log }): Promise<Section> {
    // The peers take 100-300 µs a request here: a quick run keeps them to seconds each.
    const options = quick ? { ...STANDARD, users: 5_000 } : STANDARD;
    const runs = 5;
    const flags = STANDARD.flagGroups * 5;
    const timings: (WorkerResult & { ok: true })[] = [];
    for (const implementation of IMPLEMENTATIONS) {
      log(
        `evaluation: ${implementation.name}: checking ${integer(options.users)} users, then ${runs} timed passes`,
      );
      timings.push(await measureInChild(implementation.name, options.users, runs));
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
