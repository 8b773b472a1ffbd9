import type { TestResponse } from './test-client.js';

export interface WriterReport {
  /** Writes answered 200. */
  readonly landed: number;
  /** Every other answer, as `status body`. */
  readonly failures: readonly string[];
}

export interface WriterLoop {
  /** Lets the write in flight finish, then reports. */
  stop(): Promise<WriterReport>;
}

/**
 * Runs `write()` again and again until stopped, `pauseMs` apart: the admin activity that goes on
 * while a load test reads. A write that throws fails `stop()`.
 */
export function startWriterLoop(write: () => Promise<TestResponse>, pauseMs: number): WriterLoop {
  let stopped = false;
  let landed = 0;
  const failures: string[] = [];
  const done = (async () => {
    while (!stopped) {
      const response = await write();
      if (response.status === 200) landed++;
      else failures.push(`${response.status} ${JSON.stringify(response.body)}`);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { landed, failures };
    },
  };
}
