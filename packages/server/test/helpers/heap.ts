import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * V8's full garbage collection, without starting Node with `--expose-gc`: the flag is set at run
 * time and a fresh context picks up the `gc` global it adds.
 */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * `heapUsed` once pending callbacks have run and two full collections are done, so what is left
 * is what something still holds (the server runs in this process: its heap is ours).
 */
export async function settledHeapUsed(): Promise<number> {
  for (let round = 0; round < 2; round++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    collectGarbage();
  }
  return process.memoryUsage().heapUsed;
}

/** Bytes as `41.2 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
