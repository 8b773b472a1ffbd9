import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Failed logins, shared by every server process on the database, so N processes behind a load
 * balancer (or one restarted) count the same failures. One row per attempt and counter;
 * `key_hash` is a SHA-256 of the counter's key (fixed length whatever the username, and no
 * address or username in clear); `attempt` ties the rows of one attempt together so it can take
 * them back; `failed_at` is milliseconds since the epoch.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('waffle_login_failures', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    key_hash: { type: DataTypes.STRING(64), allowNull: false },
    attempt: { type: DataTypes.STRING(32), allowNull: false },
    failed_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  // Counting one key's window, and sweeping every expired row.
  await qi.addIndex('waffle_login_failures', ['key_hash', 'failed_at'], {
    name: 'waffle_login_failures_key_time',
  });
  await qi.addIndex('waffle_login_failures', ['failed_at'], { name: 'waffle_login_failures_time' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('waffle_login_failures');
}
