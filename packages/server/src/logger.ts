/** The few log calls the server makes; pass your own (pino, winston, a test spy) to `createApp`. */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

function line(level: string, message: string, details?: Record<string, unknown>): string {
  const extra =
    details && Object.keys(details).length > 0 ? ` ${JSON.stringify(details, errorReplacer)}` : '';
  return `[waffle-kit] ${level} ${message}${extra}`;
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/** Logs one line per event to the console. */
export const consoleLogger: Logger = {
  info: (message, details) => console.log(line('info', message, details)),
  warn: (message, details) => console.warn(line('warn', message, details)),
  error: (message, details) => console.error(line('error', message, details)),
};

/** Says nothing; for library users who do not want the server's logs. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
