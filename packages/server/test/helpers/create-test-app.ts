import type { ServerConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { builders } from './builders.js';
import { TestClient } from './test-client.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './test-database.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

export interface TestApp {
  readonly url: string;
  readonly server: RunningServer;
  readonly runtime: RunningServer['runtime'];
  readonly database: TestDatabase;
  readonly logs: LogEntry[];
  readonly sql: string[];
  readonly build: ReturnType<typeof builders>;
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly dialect: TestDialect;
  readonly pollIntervalMs?: number;
  readonly config?: Partial<ServerConfig>;
  /** Run on this database instead of a fresh one of `dialect` (it is still dropped by `close`). */
  readonly database?: TestDatabase;
  /** Keep every SQL statement in `sql` (default true; load tests turn it off, it grows per request). */
  readonly captureSql?: boolean;
}

/**
 * The real server, wired as `main` wires it, listening on a free port over a fresh database
 * (SQLite file or Postgres), migrated. Logs and SQL statements are captured for assertions.
 */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(options.dialect));
  const logs: LogEntry[] = [];
  const sql: string[] = [];
  const logger: Logger = {
    info: (message, details) => logs.push({ level: 'info', message, details }),
    warn: (message, details) => logs.push({ level: 'warn', message, details }),
    error: (message, details) => logs.push({ level: 'error', message, details }),
  };
  let server: RunningServer;
  try {
    server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: database.url,
        secret: 'test-secret',
        secretGenerated: false,
        superuser: null,
        seed: null,
        pollIntervalMs: options.pollIntervalMs ?? 200,
        learnerPortalDir: '/nonexistent',
        adminPortalDir: '/nonexistent',
        secureCookies: false,
        ...options.config,
      },
      { logger, onSql: options.captureSql === false ? undefined : (statement) => sql.push(statement) },
    );
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: server.url,
    server,
    runtime: server.runtime,
    database,
    logs,
    sql,
    build: builders(server.runtime.inTransaction),
    client: () => new TestClient(server.url),
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
