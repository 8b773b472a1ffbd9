import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { seedDemoData } from './demo-api/demo-seed.js';
import { answerClientErrorsInShape } from './errors/client-error.js';
import { ensureSuperuser } from './features/users/ensure-superuser.js';
import { consoleLogger, type Logger } from './logger.js';
import { openRuntime, type WaffleRuntime } from './runtime.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly runtime: WaffleRuntime;
  readonly server: Server;
  close(): Promise<void>;
}

export interface StartServerOptions {
  readonly logger?: Logger;
  readonly onSql?: (sql: string) => void;
}

/**
 * config -> database -> migrations -> superuser -> demo seed -> snapshot -> listen. Resolves once
 * the server accepts connections.
 */
export async function startServer(
  config: ServerConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger;
  const runtime = await openRuntime({
    databaseUrl: config.databaseUrl,
    secret: config.secret,
    logger,
    pollIntervalMs: config.pollIntervalMs,
    onSql: options.onSql,
  });
  try {
    if (config.superuser) {
      await ensureSuperuser(
        runtime.inTransaction,
        { username: 'WAFFLE_SUPERUSER' },
        config.superuser.username,
        config.superuser.password,
      );
      logger.info(`superuser "${config.superuser.username}" is ready`);
    }
    if (config.seed === 'demo') {
      await seedDemoData(runtime.inTransaction);
      logger.info('demo data loaded');
    }
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const app = createApp({
    runtime,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    learnerPortalDir: config.learnerPortalDir,
    adminPortalDir: config.adminPortalDir,
    flagSets: config.flagSets,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  answerClientErrorsInShape(server);
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    runtime,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}
