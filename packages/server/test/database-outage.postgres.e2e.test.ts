import { afterAll } from 'vitest';
import { createTestApp } from './helpers/create-test-app.js';
import { postgresCrash } from './helpers/database-faults.js';
import { type PrivatePostgres, startPrivatePostgres } from './helpers/private-postgres.js';
import { describeDatabaseOutage } from './suites/database-outage.suite.js';

// A private cluster: crashing the shared one on :5432 would break every other test running.
let cluster: PrivatePostgres | undefined;

describeDatabaseOutage('postgres', async () => {
  cluster = await startPrivatePostgres();
  const database = await cluster.createDatabase('waffle_outage');
  // The version poll is off (once a minute): only LISTEN/NOTIFY can bring another process's change.
  const app = await createTestApp({ dialect: 'postgres', database, pollIntervalMs: 60_000 });
  return { app, fault: postgresCrash(cluster), propagation: 'LISTEN/NOTIFY reconnected, poll off' };
});

afterAll(async () => {
  await cluster?.destroy();
});
