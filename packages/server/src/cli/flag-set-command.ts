import { parseArgs } from 'node:util';
import { createFlagSetSchema, updateFlagSetSchema } from '../features/flag-sets/flag-set-input.js';
import { flagSetService } from '../features/flag-sets/flag-set-service.js';
import { flagService } from '../features/flags/flag-service.js';
import { parseInput } from '../features/shared/parse-input.js';
import { type CliContext, CliError } from './cli-context.js';
import { registerDeclaration } from './register-declaration.js';

export const SET_USAGE = `waffle-kit set NAME [--create] [--note TEXT] [--add FLAG]... [--remove FLAG]...
waffle-kit set --list
waffle-kit types [--set NAME]...`;

/** `waffle-kit set`: create a flag set, change its note, add flags to it or take them out. */
export async function flagSetCommand(args: string[], { runtime, actor, out }: CliContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', short: 'l' },
      create: { type: 'boolean' },
      note: { type: 'string' },
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
    },
  });
  const sets = flagSetService(runtime.inTransaction);
  const flags = flagService(runtime.inTransaction);
  if (values.list) {
    out('Flag sets:');
    for (const set of await sets.list()) {
      const members = (await flags.list(undefined, set.name)).map((flag) => flag.name);
      out(`${set.name}: ${members.join(',') || '-'}`);
    }
    return;
  }
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new CliError(`Name exactly one flag set.\n${SET_USAGE}`, 2);
  const existing = await sets.get(name).catch(() => null);
  const note = values.note === undefined ? {} : { note: values.note };
  if (!existing) {
    if (!values.create) throw new CliError('This flag set does not exist. Add --create to create it.');
    await sets.create(parseInput(createFlagSetSchema, { name, ...note }), actor);
    out(`Flag set "${name}" created.`);
  } else if (values.note !== undefined) {
    await sets.update(name, parseInput(updateFlagSetSchema, note), actor);
    out(`Flag set "${name}" updated.`);
  }
  if (values.add?.length) await flags.bulk({ action: 'add_to_set', names: values.add, set: name }, actor);
  if (values.remove?.length)
    await flags.bulk({ action: 'remove_from_set', names: values.remove, set: name }, actor);
  const members = (await flags.list(undefined, name)).map((flag) => flag.name);
  out(`${name}: ${members.join(',') || '-'}`);
}

/**
 * `waffle-kit types --set learner-portal > src/flags.d.ts`: the `Register` declaration naming the
 * flags of those sets (every flag without `--set`), so an app's flag names come from the server.
 */
export async function typesCommand(args: string[], { runtime, out }: CliContext): Promise<void> {
  const { values } = parseArgs({ args, options: { set: { type: 'string', short: 's', multiple: true } } });
  const sets = values.set ?? [];
  const flags = flagService(runtime.inTransaction);
  const names = sets.length
    ? (await Promise.all(sets.map((set) => flags.list(undefined, set)))).flat().map((flag) => flag.name)
    : (await flags.list()).map((flag) => flag.name);
  out(registerDeclaration(names, { sets }).trimEnd());
}
