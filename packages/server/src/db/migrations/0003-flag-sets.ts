import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Flag sets: a named set of flags (`learner-portal`, `admin`) that a route embeds instead of every
 * flag, so a response's cost follows the flags its app reads, not the size of the table. A flag
 * belongs to zero or more sets through `waffle_flag_set_members`, modelled like flag groups.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('waffle_flag_sets', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    note: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  const ref = (model: string) => ({
    references: { model, key: 'id' },
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
  });
  await qi.createTable('waffle_flag_set_members', {
    flag_set_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_flag_sets') },
    flag_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, ...ref('waffle_flags') },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('waffle_flag_set_members');
  await qi.dropTable('waffle_flag_sets');
}
