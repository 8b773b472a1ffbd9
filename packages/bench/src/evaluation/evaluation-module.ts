import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IMPLEMENTATIONS } from '../implementations/index.js';
import { figure, integer } from '../report/table.js';
import { STANDARD } from '../scenario/scenario.js';
import type { BenchModule, Section } from '../suite.js';
import { summarize, type Timing } from '../timing.js';
import type { WorkerCommand, WorkerMessage } from './evaluation-worker.js';

const WORKER = fileURLToPath(new URL('./evaluation-worker.ts', import.meta.url));

/** A worker process and a way to wait for its next message. */
interface Worker {
  readonly name: string;
  readonly child: ChildProcess;
  next(): Promise<WorkerMessage>;
}

/** Forks the worker for one implementation; it inherits this process's Node flags (tsx, conditions). */
function startWorker(name: string, users: number): Worker {
  const child = fork(WORKER, [name, String(users)], { stdio: 'inherit' });
  const queue: WorkerMessage[] = [];
  let waiting: ((message: WorkerMessage) => void) | null = null;
  const deliver = (message: WorkerMessage) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(message);
    } else queue.push(message);
  };
  child.on('message', (message) => deliver(message as WorkerMessage));
  child.on('exit', (code) => deliver({ type: 'error', error: `The ${name} worker exited (code ${code}).` }));
  return {
    name,
    child,
    next: () =>
      queue.length > 0
        ? Promise.resolve(queue.shift()!)
        : new Promise((resolve) => {
            waiting = resolve;
          }),
  };
}

async function receive<T extends WorkerMessage['type']>(
  worker: Worker,
  type: T,
): Promise<Extract<WorkerMessage, { type: T }>> {
  const message = await worker.next();
  if (message.type === 'error') throw new Error(message.error);
  if (message.type !== type)
    throw new Error(`The ${worker.name} worker answered ${message.type}, not ${type}.`);
  return message as Extract<WorkerMessage, { type: T }>;
}

const command = (worker: Worker, message: WorkerCommand) => worker.child.send(message);

const TARGET_MICROSECONDS = 2;
const TARGET_RATIO = 10;

/**
 * Part 1: the scenario (50 flags, 100,000 distinct users) with waffle-kit, each peer and
 * the hand-written floor, each in a process of its own. Each implementation is checked on every
 * user before it is timed; the timed passes are interleaved across implementations.
 */
export const evaluationModule: BenchModule = {
  id: 'evaluation',
  async run({ quick, log }): Promise<Section> {
    // The peers take 100-300 µs a request here: a quick run keeps them to seconds each.
    const options = quick ? { ...STANDARD, users: 5_000 } : STANDARD;
    const runs = 5;
    const flags = STANDARD.flagGroups * 5;
    const workers: Worker[] = [];
    const timings: { name: string; version: string; call: string; timing: Timing }[] = [];
    try {
      // Set up and check one at a time, so no check competes with another for the CPU.
      const ready = [];
      for (const implementation of IMPLEMENTATIONS) {
        log(`evaluation: ${implementation.name}: checking ${integer(options.users)} users`);
        const worker = startWorker(implementation.name, options.users);
        workers.push(worker);
        ready.push(await receive(worker, 'ready'));
      }
      // Then the timed passes, round-robin: pass 1 of each, pass 2 of each, ...
      const passes = workers.map((): number[] => []);
      for (let run = 0; run < runs; run++) {
        log(`evaluation: timed pass ${run + 1} of ${runs} for each implementation`);
        for (const [w, worker] of workers.entries()) {
          command(worker, { type: 'pass' });
          passes[w]!.push((await receive(worker, 'pass')).microseconds);
        }
      }
      for (const [w, worker] of workers.entries()) {
        timings.push({ name: worker.name, ...ready[w]!, timing: summarize(passes[w]!) });
      }
    } finally {
      for (const worker of workers) if (worker.child.connected) command(worker, { type: 'close' });
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
