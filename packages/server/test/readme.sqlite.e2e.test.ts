import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostApp } from '../examples/host-app.js';
import { DEMO_ACCOUNTS } from '../src/demo-api/demo-seed.js';
import { builders } from './helpers/builders.js';
import type { Json } from './helpers/test-client.js';
import { createTestDatabase } from './helpers/test-database.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('packages/server README', () => {
  it('shows the host-app example verbatim', () => {
    expect(readme).toContain(readFileSync(new URL('../examples/host-app.ts', import.meta.url), 'utf8'));
  });

  it('lists every demo account with its password', () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(readme).toMatch(
        new RegExp(`\\|\\s*\`${account.username}\`\\s*\\|\\s*\`${account.password}\`\\s*\\|`),
      );
    }
  });

  it('is echoed by the root README quick start: every demo account with its password', () => {
    const root = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const account of DEMO_ACCOUNTS) {
      expect(root).toContain(`\`${account.username}\` / \`${account.password}\``);
    }
  });

  it('runs the host-app example: the flag decides the layout and the response carries the flags', async () => {
    const database = await createTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const { app, waffle } = await createHostApp(database.url);
    cleanups.push(() => waffle.close());
    await builders(waffle.runtime.inTransaction).flag('enterprise.dashboard_v2', { everyone: true });
    const server = app.listen(0, '127.0.0.1');
    cleanups.push(async () => void server.close());
    await new Promise((resolve) => server.once('listening', resolve));

    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/courses`);
    const body: Json = await response.json();

    expect(body.layout).toBe('v2');
    expect(body.enterprise_features).toEqual({ 'enterprise.dashboard_v2': true });
    expect(body.enterprise_features_meta).toMatchObject({ username: null, enterprise_customer_uuid: null });
  });
});
