import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres server the suite may use (as the server's tests: user postgres, trust auth). */
export const BENCH_POSTGRES_URL =
  process.env.WAFFLE_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Postgres is not reachable at ${BENCH_POSTGRES_URL} (${(error as Error).message}); the propagation part needs it (or WAFFLE_TEST_POSTGRES_URL).`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A uniquely named, empty database on that server; `drop` removes it (connections and all). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `waffle_bench_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
