import { ConfigError, loadConfig } from './config.js';
import { DEMO_ACCOUNTS } from './demo-api/demo-seed.js';
import { consoleLogger } from './logger.js';
import { startServer } from './server.js';

/** `node dist/main.js`: the server on PORT with the database of DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.secretGenerated) {
    consoleLogger.warn(
      'WAFFLE_SECRET is not set: using a random one, so sessions end when the server stops.',
    );
  }
  const running = await startServer(config);
  consoleLogger.info(`listening on ${running.url}`, {
    database: config.databaseUrl.replace(/\/\/[^@]*@/, '//***@'),
  });
  if (config.seed === 'demo') {
    const accounts = DEMO_ACCOUNTS.map(
      (a) => `  ${a.username.padEnd(6)} / ${a.password.padEnd(11)} ${a.note}`,
    );
    console.log(
      `\nwaffle-kit demo: open ${running.url}\nDemo accounts (username / password):\n${accounts.join('\n')}\n`,
    );
  }
  const stop = (signal: string) => {
    consoleLogger.info(`${signal}: shutting down`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`waffle-kit: ${error.message}`);
  else console.error('waffle-kit: the server could not start:', error);
  process.exit(1);
});
