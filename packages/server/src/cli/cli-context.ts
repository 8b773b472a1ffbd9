import { DEFAULT_DATABASE_URL } from '../config.js';
import type { Actor } from '../features/audit/actor.js';
import { consoleLogger, type Logger } from '../logger.js';
import { openRuntime, type WaffleRuntime } from '../runtime.js';

/** What every command gets: the database (migrated), who is acting, and where to print. */
export interface CliContext {
  readonly runtime: WaffleRuntime;
  readonly actor: Actor;
  readonly out: (line: string) => void;
}

/** A mistake of the person typing the command: printed without a stack, exit status 1 (2 for usage). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const quietLogger: Logger = { info() {}, warn: consoleLogger.warn, error: consoleLogger.error };

export async function openCliRuntime(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  return openRuntime({
    databaseUrl,
    secret: process.env.WAFFLE_SECRET || 'cli',
    logger: quietLogger,
    pollIntervalMs: 0,
  });
}
