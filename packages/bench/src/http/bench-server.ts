import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerMessage } from './server-messages.js';

const SERVER_ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));
/** The hand-written floor app (`floor-process.ts`). */
export const FLOOR_ENTRY = fileURLToPath(new URL('./floor-process.ts', import.meta.url));

export interface BenchServer {
  /** The server's own app: flags embedded. */
  readonly embeddedUrl: string;
  /** The same app and runtime with embedding skipped. */
  readonly plainUrl: string;
  /** SQL statements the process ran since the last call (and how many read flag state). */
  takeSql(): Promise<{ total: number; flagReads: number }>;
  stop(): Promise<void>;
}

/**
 * Starts `server-process.ts` (or `entry`) in a Node process of its own (TypeScript sources
 * through tsx) and resolves once it listens. Bounded: a server that is not up in `timeoutMs` is killed.
 */
export function startBenchServer(
  env: Record<string, string>,
  { timeoutMs = 60_000, entry = SERVER_ENTRY } = {},
): Promise<BenchServer> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--conditions=@waffle-kit/source', '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const takeSql = () =>
    new Promise<{ total: number; flagReads: number }>((resolve) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type !== 'sql') return;
        child.off('message', onMessage);
        resolve({ total: message.total, flagReads: message.flagReads });
      };
      child.on('message', onMessage);
      child.send({ type: 'sql' });
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the bench server did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('message', (message: ServerMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ embeddedUrl: message.embeddedUrl, plainUrl: message.plainUrl, takeSql, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited with ${code}:\n${stderr}`));
    });
  });
}
