import { AppError } from '../errors/app-error.js';
import { type CliContext, CliError, openCliRuntime } from './cli-context.js';
import { createSuperuserCommand, explainCommand, exportCommand, importCommand } from './data-commands.js';
import { FLAG_USAGE, flagCommand } from './flag-command.js';
import { flagSetCommand, SET_USAGE, typesCommand } from './flag-set-command.js';
import { deleteCommand, sampleCommand, switchCommand } from './object-commands.js';

const USAGE = `Usage: waffle-kit COMMAND [options]   (DATABASE_URL picks the database; default sqlite:./data/waffle.sqlite)

  ${FLAG_USAGE.split('\n').join('\n  ')}
  ${SET_USAGE.split('\n').join('\n  ')}
  waffle-kit switch NAME on|off [--create]     waffle-kit switch --list
  waffle-kit sample NAME PERCENT [--create]    waffle-kit sample --list
  waffle-kit delete [--flags NAME...] [--switches NAME...] [--samples NAME...] [--sets NAME...]
  waffle-kit explain NAME [--user USERNAME] [--enterprise UUID]
  waffle-kit export [--output FILE]            waffle-kit import FILE [--default-set NAME]
  waffle-kit createsuperuser USERNAME --password P
  waffle-kit migrate                           waffle-kit serve`;

const COMMANDS: Record<string, (args: string[], ctx: CliContext) => Promise<void>> = {
  flag: flagCommand,
  set: flagSetCommand,
  types: typesCommand,
  switch: switchCommand,
  sample: sampleCommand,
  delete: deleteCommand,
  explain: explainCommand,
  export: exportCommand,
  import: importCommand,
  createsuperuser: createSuperuserCommand,
  migrate: async (_args, { out }) => out('Migrations are applied.'),
};

/** Runs one CLI command; resolves with the exit status. */
export async function runCli(argv: string[], out = (line: string) => console.log(line)): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'serve') {
    await import('../main.js');
    return -1; // the server keeps the process alive
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n${USAGE}`);
    return 2;
  }
  let runtime: Awaited<ReturnType<typeof openCliRuntime>> | undefined;
  try {
    runtime = await openCliRuntime();
    await run(args, { runtime, actor: { username: process.env.WAFFLE_CLI_ACTOR || 'cli' }, out });
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      const fields = error.fields
        ? Object.entries(error.fields).map(([field, message]) => `  ${field}: ${message}`)
        : [];
      console.error([error.message, ...fields].join('\n'));
      return 1;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    await runtime?.close();
  }
}

const status = await runCli(process.argv.slice(2));
if (status >= 0) process.exitCode = status;
