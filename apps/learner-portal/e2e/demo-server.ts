import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@waffle-kit/test-services/ports';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface DemoServer {
  readonly origin: string;
  /** Everything the server printed, for a failure message. */
  output(): string;
  /** Stops the whole process group (npm, the demo script, the server) and removes the database. */
  close(): Promise<void>;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

/**
 * The demo as the root README starts it (`npm start`: build everything, then the server with
 * `WAFFLE_SEED=demo`), on a free port and a fresh SQLite file. Resolves once it listens.
 */
export async function startDemoServer(timeoutMs: number): Promise<DemoServer> {
  const data = await mkdtemp(join(tmpdir(), 'waffle-demo-e2e-'));
  const port = await freePort();
  let output = '';
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true, // its own process group, so close() stops npm, pnpm and the server together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // Not Vitest's NODE_ENV=test: the builds and the server run as a person's `npm start` would.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV')),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(data, 'waffle.sqlite')}`,
      WAFFLE_SECRET: 'learner-portal-e2e',
    },
  });
  const close = async () => {
    await stop(child);
    await rm(data, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start did not listen within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/listening on/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code} before listening:\n${output.slice(-3000)}`));
      });
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, output: () => output, close };
}
