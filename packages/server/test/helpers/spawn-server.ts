import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SpawnedServer {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, as in a crash; resolves when it is gone. */
  kill(): Promise<void>;
}

/**
 * Starts `src/main.ts` as a separate Node process (another server behind the same load
 * balancer) and resolves with its URL once it listens.
 */
export function spawnServer(env: Record<string, string>, timeoutMs = 20_000): Promise<SpawnedServer> {
  const child = spawn(
    process.execPath,
    ['--conditions=@waffle-kit/source', '--import', 'tsx', join(packageDir, 'src', 'main.ts')],
    {
      cwd: packageDir,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', WAFFLE_SECRET: 'spawned-secret', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const stop = () => end('SIGTERM');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the second server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, output: () => output, stop, kill: () => end('SIGKILL') });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the second server exited with ${code}:\n${output}`));
    });
  });
}
