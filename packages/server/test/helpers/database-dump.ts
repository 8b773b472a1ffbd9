import { QueryTypes, type Sequelize } from 'sequelize';

/** Every row of every table, each table's rows in a fixed order: equal dumps mean an unchanged database. */
export type DatabaseDump = Record<string, string[]>;

/**
 * Reads every table of the database (as the server's own connection sees it) into a dump that
 * can be compared with `toEqual`. Rows are JSON strings sorted as text, so the order does not
 * depend on the dialect or on physical row order.
 */
export async function dumpDatabase(
  sequelize: Sequelize,
  exclude: readonly string[] = [],
): Promise<DatabaseDump> {
  const tables = (await sequelize.getQueryInterface().showAllTables()).map((table) =>
    typeof table === 'string' ? table : (table as { tableName: string }).tableName,
  );
  const dump: DatabaseDump = {};
  for (const table of tables.sort()) {
    if (exclude.includes(table)) continue;
    const rows = await sequelize.query<Record<string, unknown>>(
      `SELECT * FROM ${sequelize.getQueryInterface().quoteIdentifier(table)}`,
      {
        type: QueryTypes.SELECT,
      },
    );
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/** Names of the tables whose rows differ between two dumps. */
export function changedTables(before: DatabaseDump, after: DatabaseDump): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table])).sort();
}
