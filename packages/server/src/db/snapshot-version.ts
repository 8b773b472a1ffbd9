import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** The channel Postgres servers LISTEN on; the payload is the new snapshot version. */
export const SNAPSHOT_CHANNEL = 'waffle_snapshot';

/** The cheap query other processes poll: one row, one column. */
export async function readSnapshotVersion(sequelize: Sequelize, transaction?: Transaction): Promise<number> {
  const rows = await sequelize.query<{ version: number | string }>(
    'SELECT version FROM waffle_snapshot_version WHERE id = 1',
    { type: QueryTypes.SELECT, transaction },
  );
  const row = rows[0];
  if (!row) throw new Error('waffle_snapshot_version has no row: run the migrations.');
  return Number(row.version);
}

/**
 * Bumps the version inside a write transaction and returns the new one. On Postgres it also
 * queues a NOTIFY, which Postgres delivers only when the transaction commits (never before).
 */
export async function bumpSnapshotVersion(sequelize: Sequelize, transaction: Transaction): Promise<number> {
  await sequelize.query('UPDATE waffle_snapshot_version SET version = version + 1 WHERE id = 1', {
    transaction,
  });
  const version = await readSnapshotVersion(sequelize, transaction);
  if (sequelize.getDialect() === 'postgres') {
    await sequelize.query(`SELECT pg_notify('${SNAPSHOT_CHANNEL}', :payload)`, {
      replacements: { payload: String(version) },
      transaction,
    });
  }
  return version;
}
