import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/create-test-app.js';
import { runCli } from './helpers/run-cli.js';

describe('a change made with the CLI', { timeout: 60_000 }, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ dialect: 'sqlite' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reaches a running server’s responses (version poll) within a second of the command ending', async () => {
    const client = app.client();
    expect((await client.get('/waffle_status')).body.enterprise_features['cli.live']).toBeUndefined();

    const result = await runCli(app.database.url, ['flag', 'cli.live', '--create', '--everyone']);
    const start = performance.now();
    let seen: boolean | undefined;
    while (seen === undefined && performance.now() - start < 2000) {
      seen = (await client.get('/waffle_status')).body.enterprise_features['cli.live'];
      if (seen === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }

    expect(result.status).toBe(0);
    expect(seen).toBe(true);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
