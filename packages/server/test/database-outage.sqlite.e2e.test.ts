import { sqliteStorage } from '../src/db/sequelize.js';
import { createTestApp } from './helpers/create-test-app.js';
import { sqliteGarbage } from './helpers/database-faults.js';
import { describeDatabaseOutage } from './suites/database-outage.suite.js';

describeDatabaseOutage('sqlite', async () => {
  const app = await createTestApp({ dialect: 'sqlite', pollIntervalMs: 200 });
  return { app, fault: sqliteGarbage(sqliteStorage(app.database.url)), propagation: 'version poll' };
});
