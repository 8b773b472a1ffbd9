import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { explainFlag } from '../features/explain/explain-service.js';
import { exportFlagState, importFlagState } from '../features/transfer/transfer-service.js';
import { ensureSuperuser } from '../features/users/ensure-superuser.js';
import { type CliContext, CliError } from './cli-context.js';

/** `waffle-kit explain NAME [--user USERNAME] [--enterprise UUID]`. */
export async function explainCommand(args: string[], { runtime, out }: CliContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { user: { type: 'string', short: 'u' }, enterprise: { type: 'string' } },
  });
  const [name] = positionals;
  if (!name) throw new CliError('Usage: waffle-kit explain NAME [--user USERNAME] [--enterprise UUID]', 2);
  const result = await explainFlag(runtime.snapshot, name, {
    username: values.user,
    enterpriseCustomerUuid: values.enterprise,
  });
  out(result.description);
}

/** `waffle-kit export [--output FILE]`: JSON on stdout or into FILE. */
export async function exportCommand(args: string[], { out }: CliContext): Promise<void> {
  const { values } = parseArgs({ args, options: { output: { type: 'string', short: 'o' } } });
  const text = `${JSON.stringify(await exportFlagState(), null, 2)}\n`;
  if (values.output) writeFileSync(values.output, text);
  else out(text.trimEnd());
}

/**
 * `waffle-kit import FILE [--default-set NAME]` (ours or Waffle's `dumpdata waffle` JSON, whose
 * flags join the default set; `-` reads stdin).
 */
export async function importCommand(args: string[], { runtime, actor, out }: CliContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'default-set': { type: 'string' } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('Usage: waffle-kit import FILE [--default-set NAME]', 2);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const summary = await importFlagState(runtime.inTransaction, data, actor, {
    defaultSet: values['default-set'],
  });
  out(`Imported: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
}

/** `waffle-kit createsuperuser USERNAME [--password P]` (or WAFFLE_PASSWORD). */
export async function createSuperuserCommand(
  args: string[],
  { runtime, actor, out }: CliContext,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { password: { type: 'string' } },
  });
  const [username] = positionals;
  const password = values.password ?? process.env.WAFFLE_PASSWORD;
  if (!username || !password) {
    throw new CliError('Usage: waffle-kit createsuperuser USERNAME --password P (or set WAFFLE_PASSWORD)', 2);
  }
  await ensureSuperuser(runtime.inTransaction, actor, username, password);
  out(`Superuser "${username}" is ready.`);
}
