import { createScratchDatabase, openPostgres } from '@waffle-kit/test-services/postgres';
import { startBenchServer } from '../http/bench-server.js';
import { login, requestJson } from '../http/session.js';
import { integer } from '../report/table.js';
import type { BenchModule, Section } from '../suite.js';

/** A demo flag that is a plain on/off switch for everyone (`everyone: true` in the seed). */
const FLAG = 'enterprise.new_catalog_search';
/** A sample that takes longer than this is recorded as this, and the run says so. */
const LIMIT_MS = 5_000;

/** Polls `url`'s `/waffle_status` back to back until `FLAG` is `expected`; the ms it took from `start`. */
async function timeUntilSeen(url: string, expected: boolean, start: number): Promise<number> {
  while (performance.now() - start < LIMIT_MS) {
    const response = await fetch(`${url}/waffle_status`);
    const body = (await response.json()) as { enterprise_features: Record<string, boolean> };
    if (body.enterprise_features[FLAG] === expected) return performance.now() - start;
  }
  return Number.POSITIVE_INFINITY;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : `> ${LIMIT_MS}`);

/**
 * Part 4: two server processes on one Postgres database (the server's defaults: LISTEN/NOTIFY
 * plus a 500 ms version poll). An admin `PATCH` through the first flips a flag; this process
 * polls the second's responses until they show the change. Each sample is timed from sending the
 * write, so it includes the write's own round trip (printed alongside).
 */
export const propagationModule: BenchModule = {
  id: 'propagation',
  async run({ quick, log }): Promise<Section> {
    const samples = quick ? 5 : 50;
    const postgres = await openPostgres();
    log(`propagation: Postgres: ${postgres.description}`);
    const database = await createScratchDatabase(postgres.url, 'waffle_bench');
    const servers: Awaited<ReturnType<typeof startBenchServer>>[] = [];
    try {
      log('propagation: starting two server processes on a scratch Postgres database');
      servers.push(await startBenchServer({ BENCH_DATABASE_URL: database.url, BENCH_SEED: 'demo' }));
      servers.push(await startBenchServer({ BENCH_DATABASE_URL: database.url }));
      const [writer, reader] = [servers[0]!.embeddedUrl, servers[1]!.embeddedUrl];
      const admin = await login(writer, 'admin', 'admin-demo');
      const seen: number[] = [];
      const writes: number[] = [];
      let value = true;
      // Checked before anything is timed: process 2 serves the seeded value.
      if (!Number.isFinite(await timeUntilSeen(reader, value, performance.now()))) {
        throw new Error(`process 2 does not show the seeded ${FLAG}: on`);
      }
      for (let i = 0; i < samples; i++) {
        value = !value;
        const start = performance.now();
        const watching = timeUntilSeen(reader, value, start);
        await requestJson(admin, `${writer}/api/admin/flags/${FLAG}`, 'PATCH', { everyone: value });
        writes.push(performance.now() - start);
        seen.push(await watching);
      }
      log(`propagation: ${samples} samples taken`);
      const sorted = [...seen].sort((a, b) => a - b);
      const sortedWrites = [...writes].sort((a, b) => a - b);
      const p99 = percentile(sorted, 99);
      return {
        title: 'Propagation across server processes (Postgres)',
        tables: [
          {
            title: `Admin write through process 1 until process 2's responses show it, ${samples} samples`,
            columns: ['', 'p50 ms', 'p99 ms', 'max ms'],
            rows: [
              ['write to change seen in process 2', ms(percentile(sorted, 50)), ms(p99), ms(sorted.at(-1)!)],
              [
                'the write itself (PATCH round trip)',
                ms(percentile(sortedWrites, 50)),
                ms(percentile(sortedWrites, 99)),
                ms(sortedWrites.at(-1)!),
              ],
            ],
          },
        ],
        notes: [
          `Target p99 < 1,000 ms: ${p99 < 1000 ? 'met' : 'missed'} (${ms(p99)} ms).`,
          `Timed from sending the PATCH; process 2 is polled back to back on 127.0.0.1 (GET /waffle_status). ${integer(seen.filter((s) => !Number.isFinite(s)).length)} samples hit the ${integer(LIMIT_MS)} ms limit.`,
          'Both processes run with the server defaults: LISTEN/NOTIFY carries the change; the 500 ms version poll is the fallback.',
        ],
      };
    } finally {
      for (const server of servers) await server.stop();
      await database.drop();
      await postgres.close();
    }
  },
};
