import type { Sequelize } from 'sequelize';

/**
 * A read the request hot path runs on every request. `sql` uses `?` placeholders; on Postgres
 * they become `$1, $2, ...` and the statement is prepared once per connection under `name`.
 */
export interface HotQuery {
  readonly name: string;
  readonly sql: string;
}

export type Row = Record<string, unknown>;

/** Runs hot-path reads on Sequelize's own connections, skipping its model layer. */
export interface RawReader {
  all(query: HotQuery, params: readonly unknown[]): Promise<Row[]>;
}

type SqliteDatabase = {
  all(sql: string, params: readonly unknown[], callback: (error: Error | null, rows: Row[]) => void): void;
};
type PgClient = {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Row[] }>;
};
type ConnectionManager = {
  getConnection(options?: object): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void> | void;
};

const toPostgres = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * Plain statements on the connections Sequelize already manages: SQLite's shared default
 * connection (the same libuv threads and file as every other read), or a client borrowed from
 * Sequelize's Postgres pool and given back at once, with the statement prepared once per client. The
 * statements still reach Sequelize's logging hook, so SQL counts stay true. Sequelize stays for
 * models, migrations and writes; this is only for the few reads every request makes.
 */
export function rawReader(sequelize: Sequelize): RawReader {
  const manager = sequelize.connectionManager as unknown as ConnectionManager;
  const logging = (sequelize as unknown as { options: { logging?: unknown } }).options.logging;
  const log =
    typeof logging === 'function'
      ? (sql: string) => (logging as (sql: string) => void)(`Executing (raw): ${sql}`)
      : null;

  if (sequelize.getDialect() === 'sqlite') {
    return {
      async all(query, params) {
        log?.(query.sql);
        // The default connection (no transaction): Sequelize opens it once and keeps it. The
        // statement is prepared per call (microseconds) and finalized at once: a statement kept
        // open would stop Sequelize from closing the database.
        const db = (await manager.getConnection({})) as SqliteDatabase;
        return new Promise((resolve, reject) =>
          db.all(query.sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
        );
      },
    };
  }

  const texts = new Map<string, string>();
  return {
    async all(query, params) {
      log?.(query.sql);
      const text = texts.get(query.name) ?? toPostgres(query.sql);
      texts.set(query.name, text);
      const client = (await manager.getConnection({ type: 'read' })) as PgClient;
      try {
        return (await client.query({ name: query.name, text, values: params })).rows;
      } finally {
        await manager.releaseConnection(client);
      }
    },
  };
}

/** A timestamp column as SQLite (text) or Postgres (Date) hands it back, in ms since the epoch. */
export function timestampMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  return new Date(String(value)).getTime();
}

/** A boolean column: SQLite hands back 0/1, Postgres true/false. */
export const truthy = (value: unknown): boolean => value === true || value === 1 || value === '1';
