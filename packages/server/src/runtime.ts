import type { CompileOptions } from '@waffle-kit/core';
import type { Sequelize } from 'sequelize';
import { migrate } from './db/migrate.js';
import { initModels } from './db/models/index.js';
import { openDatabase } from './db/sequelize.js';
import { createInTransaction, type InTransaction } from './db/transaction.js';
import { SessionStore } from './features/auth/session-store.js';
import type { Logger } from './logger.js';
import { SnapshotCache } from './snapshot/snapshot-cache.js';
import { SnapshotSync } from './snapshot/snapshot-sync.js';

export interface RuntimeOptions {
  readonly databaseUrl: string;
  readonly secret: string;
  readonly logger: Logger;
  readonly pollIntervalMs?: number;
  /** Run pending migrations first (default true). */
  readonly migrate?: boolean;
  readonly compileOptions?: CompileOptions;
  /** Sees every SQL statement (tests count them). */
  readonly onSql?: (sql: string) => void;
}

/** The server's long-lived parts: database, snapshot and its sync, the write helper, sessions. */
export interface WaffleRuntime {
  readonly databaseUrl: string;
  readonly sequelize: Sequelize;
  readonly snapshot: SnapshotCache;
  readonly sync: SnapshotSync;
  readonly inTransaction: InTransaction;
  readonly sessions: SessionStore;
  readonly logger: Logger;
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, loads the first snapshot and starts watching for changes.
 * Nothing listens for HTTP yet: `createApp` does that part.
 */
export async function openRuntime(options: RuntimeOptions): Promise<WaffleRuntime> {
  const sequelize = openDatabase(options.databaseUrl, { onSql: options.onSql });
  initModels(sequelize);
  if (options.migrate !== false) await migrate(sequelize);
  const snapshot = new SnapshotCache(options.compileOptions);
  const sync = new SnapshotSync({
    sequelize,
    snapshot,
    logger: options.logger,
    databaseUrl: options.databaseUrl,
    pollIntervalMs: options.pollIntervalMs ?? 500,
  });
  try {
    await sync.start();
  } catch (error) {
    await sequelize.close();
    throw error;
  }
  let closed = false;
  return {
    databaseUrl: options.databaseUrl,
    sequelize,
    snapshot,
    sync,
    inTransaction: createInTransaction(sequelize, () => sync.refresh()),
    sessions: new SessionStore(options.secret, sequelize),
    logger: options.logger,
    async close() {
      if (closed) return;
      closed = true;
      await sync.stop();
      // Closing a database that already went away must not hide the rest of a shutdown.
      await sequelize
        .close()
        .catch((error: unknown) => options.logger.warn('closing the database failed', { error }));
    },
  };
}
