import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

export const TEST_POSTGRES_URL =
  process.env.WAFFLE_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly url: string;
  readonly dialect: TestDialect;
  /** Postgres only: the database name, for failure tests that cut it off. */
  readonly name: string;
  drop(): Promise<void>;
}

/** Runs SQL on the Postgres server as the admin user (outside the test's own database). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Postgres is not reachable at ${TEST_POSTGRES_URL} (${(error as Error).message}). ` +
        'The server tests run on Postgres as well as SQLite: start it (bash .ci/run does) ' +
        'or point WAFFLE_TEST_POSTGRES_URL at one.',
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one test file: a SQLite file in a temporary folder, or a uniquely
 * named Postgres database (dropped again by `drop`). An unreachable Postgres fails the test.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'waffle-test-'));
    return {
      url: `sqlite:${join(dir, 'waffle.sqlite')}`,
      dialect,
      name: 'waffle.sqlite',
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `waffle_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect,
    name,
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
