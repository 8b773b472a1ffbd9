import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize } from 'sequelize';

export type Dialect = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** Called with every SQL statement sent (tests count them). */
  readonly onSql?: (sql: string) => void;
}

/** `sqlite:./data/waffle.sqlite` -> the file path; `sqlite::memory:` -> `:memory:`. */
export function sqliteStorage(databaseUrl: string): string {
  const rest = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  return rest === ':memory:' || rest === '' ? ':memory:' : resolve(rest);
}

export function dialectOf(databaseUrl: string): Dialect {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

type SqliteConnection = { configure(option: 'busyTimeout', value: number): void };

/**
 * Gives every SQLite connection a 5 s busy timeout, so a writer queues behind another one (and a
 * reader behind a commit) instead of failing with SQLITE_BUSY at once. Sequelize's SQLite
 * connection manager opens connections itself (one per transaction) and never runs the
 * `afterConnect` hook, so the setting goes in where connections are handed out.
 */
function waitForBusyLocks(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: unknown): Promise<SqliteConnection>;
  };
  const configured = new WeakSet<SqliteConnection>();
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options) => {
    const connection = await getConnection(options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', 5000);
      configured.add(connection);
    }
    return connection;
  };
}

/**
 * A Sequelize instance for `sqlite:<path>` (the file and its folder are created) or
 * `postgres://...`. SQLite connections wait up to 5 s for a busy lock instead of failing at once,
 * Postgres connects and statements are time-bounded, and foreign keys are enforced on both.
 */
export function openDatabase(databaseUrl: string, options: OpenDatabaseOptions = {}): Sequelize {
  const logging = options.onSql ? (sql: string) => options.onSql?.(sql) : false;
  if (dialectOf(databaseUrl) === 'sqlite') {
    const storage = sqliteStorage(databaseUrl);
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    const sequelize = new Sequelize({ dialect: 'sqlite', storage, logging });
    waitForBusyLocks(sequelize);
    return sequelize;
  }
  return new Sequelize(databaseUrl, {
    dialect: 'postgres',
    logging,
    pool: { max: 5, min: 0, idle: 10_000, acquire: 5_000 },
    // Bounded waits, so a request fails with a 503 instead of hanging when the server is away:
    // a connect attempt gives up after 5 s, a statement after 15 s (server side), a dead peer is
    // noticed by TCP keep-alive.
    dialectOptions: { connectionTimeoutMillis: 5_000, statement_timeout: 15_000, keepAlive: true },
  });
}
