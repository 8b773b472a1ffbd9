import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adminQuery as adminQueryOn,
  createScratchDatabase,
  DEFAULT_POSTGRES_URL,
} from '@waffle-kit/test-services/postgres';

export type TestDialect = 'sqlite' | 'postgres';

/** The run's Postgres: `WAFFLE_TEST_POSTGRES_URL`, which the global setup sets when it provisions one. */
export const TEST_POSTGRES_URL = process.env.WAFFLE_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;

export interface TestDatabase {
  readonly url: string;
  readonly dialect: TestDialect;
  /** Postgres only: the database name, for failure tests that cut it off. */
  readonly name: string;
  drop(): Promise<void>;
}

/** Runs SQL on the Postgres server as the admin user (outside the test's own database). */
export function adminQuery(sql: string): Promise<void> {
  return adminQueryOn(TEST_POSTGRES_URL, sql);
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
  return { ...(await createScratchDatabase(TEST_POSTGRES_URL, 'waffle_test')), dialect };
}
