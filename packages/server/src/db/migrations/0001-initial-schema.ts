import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
/** Optimistic concurrency: bumped on every update; `If-Match` must name the current one. */
const version = { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 };
/** Percentages are whole tenths (33.3% is 333): exact on both databases, no float drift. */
const percentTenths = (allowNull: boolean) => ({ type: DataTypes.INTEGER, allowNull });
const ref = (table: string, key = 'id', onDelete = 'CASCADE') => ({
  references: { model: table, key },
  onDelete,
  onUpdate: 'CASCADE',
});

/** Every table of waffle-kit, prefixed `waffle_` so the schema can live in a host app's database. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('waffle_users', {
    id,
    username: { type: DataTypes.STRING(150), allowNull: false, unique: true },
    password_hash: { type: DataTypes.STRING(255), allowNull: true },
    email: { type: DataTypes.STRING(254), allowNull: true },
    is_staff: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    is_superuser: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    is_active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    language: { type: DataTypes.STRING(35), allowNull: true },
    version,
    ...timestamps,
  });
  await qi.createTable('waffle_groups', {
    id,
    name: { type: DataTypes.STRING(150), allowNull: false, unique: true },
    version,
    ...timestamps,
  });
  await qi.createTable('waffle_user_groups', {
    user_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_users') },
    group_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_groups') },
  });
  await qi.createTable('waffle_enterprise_customers', {
    uuid: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    slug: { type: DataTypes.STRING(255), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(255), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    version,
    ...timestamps,
  });
  await qi.createTable('waffle_enterprise_customer_users', {
    id,
    enterprise_customer_uuid: {
      type: DataTypes.STRING(36),
      allowNull: false,
      ...ref('waffle_enterprise_customers', 'uuid'),
    },
    user_id: { type: DataTypes.INTEGER, allowNull: false, ...ref('waffle_users') },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    linked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    version,
    ...timestamps,
  });
  await qi.addIndex('waffle_enterprise_customer_users', ['enterprise_customer_uuid', 'user_id'], {
    unique: true,
    name: 'waffle_ecu_customer_user_unique',
  });
  await qi.createTable('waffle_enterprise_course_enrollments', {
    id,
    enterprise_customer_uuid: {
      type: DataTypes.STRING(36),
      allowNull: false,
      ...ref('waffle_enterprise_customers', 'uuid'),
    },
    user_id: { type: DataTypes.INTEGER, allowNull: false, ...ref('waffle_users') },
    course_run_id: { type: DataTypes.STRING(255), allowNull: false },
    display_name: { type: DataTypes.STRING(255), allowNull: false },
    org_name: { type: DataTypes.STRING(255), allowNull: false },
    course_run_status: { type: DataTypes.STRING(32), allowNull: false },
    ...timestamps,
  });
  await qi.createTable('waffle_flags', {
    id,
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    everyone: { type: DataTypes.BOOLEAN, allowNull: true },
    percent_tenths: percentTenths(true),
    testing: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    superusers: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    staff: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    authenticated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    languages: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    rollout: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    version,
    ...timestamps,
  });
  await qi.createTable('waffle_flag_users', {
    flag_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_flags') },
    user_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_users') },
  });
  await qi.createTable('waffle_flag_groups', {
    flag_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_flags') },
    group_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_groups') },
  });
  await qi.createTable('waffle_enterprise_flag_percentages', {
    id,
    flag_id: { type: DataTypes.INTEGER, allowNull: false, ...ref('waffle_flags') },
    enterprise_customer_uuid: {
      type: DataTypes.STRING(36),
      allowNull: false,
      ...ref('waffle_enterprise_customers', 'uuid'),
    },
    percent_tenths: percentTenths(false),
    version,
    ...timestamps,
  });
  await qi.addIndex('waffle_enterprise_flag_percentages', ['flag_id', 'enterprise_customer_uuid'], {
    unique: true,
    name: 'waffle_efp_flag_customer_unique',
  });
  await qi.createTable('waffle_switches', {
    id,
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    version,
    ...timestamps,
  });
  await qi.createTable('waffle_samples', {
    id,
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    percent_tenths: percentTenths(false),
    note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    version,
    ...timestamps,
  });
  await qi.createTable('waffle_audit_log', {
    id,
    actor: { type: DataTypes.STRING(150), allowNull: true },
    action: { type: DataTypes.STRING(32), allowNull: false },
    object_type: { type: DataTypes.STRING(64), allowNull: false },
    object_name: { type: DataTypes.STRING(255), allowNull: false },
    before: { type: DataTypes.TEXT, allowNull: true },
    after: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('waffle_audit_log', ['object_type', 'object_name'], { name: 'waffle_audit_object' });
  await qi.createTable('waffle_sessions', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    user_id: { type: DataTypes.INTEGER, allowNull: false, ...ref('waffle_users') },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.createTable('waffle_snapshot_version', {
    id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    version: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 1 },
  });
  await qi.bulkInsert('waffle_snapshot_version', [{ id: 1, version: 1 }]);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'waffle_snapshot_version',
    'waffle_sessions',
    'waffle_audit_log',
    'waffle_samples',
    'waffle_switches',
    'waffle_enterprise_flag_percentages',
    'waffle_flag_groups',
    'waffle_flag_users',
    'waffle_flags',
    'waffle_enterprise_course_enrollments',
    'waffle_enterprise_customer_users',
    'waffle_enterprise_customers',
    'waffle_user_groups',
    'waffle_groups',
    'waffle_users',
  ]) {
    await qi.dropTable(table);
  }
}
