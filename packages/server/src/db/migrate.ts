import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import * as initialSchema from './migrations/0001-initial-schema.js';
import * as loginFailures from './migrations/0002-login-failures.js';
import * as flagSets from './migrations/0003-flag-sets.js';

/** Every migration, in order. A new one is a new file here, never an edit of an old one. */
const MIGRATIONS = [
  { name: '0001-initial-schema', ...initialSchema },
  { name: '0002-login-failures', ...loginFailures },
  { name: '0003-flag-sets', ...flagSets },
];

export function createMigrator(sequelize: Sequelize) {
  return new Umzug<QueryInterface>({
    migrations: MIGRATIONS.map(({ name, up, down }) => ({
      name,
      up: ({ context }: { context: QueryInterface }) => up({ context }),
      down: ({ context }: { context: QueryInterface }) => down({ context }),
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'waffle_migrations' }),
    logger: undefined,
  });
}

/** Applies the migrations not yet applied; the same ones run on SQLite and Postgres. */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const applied = await createMigrator(sequelize).up();
  return applied.map((migration) => migration.name);
}
