import { flagSetService } from '../features/flag-sets/flag-set-service.js';
import { flagService } from '../features/flags/flag-service.js';
import { createSampleSchema, updateSampleSchema } from '../features/samples/sample-input.js';
import { sampleService } from '../features/samples/sample-service.js';
import { parseInput } from '../features/shared/parse-input.js';
import { createSwitchSchema, updateSwitchSchema } from '../features/switches/switch-input.js';
import { switchService } from '../features/switches/switch-service.js';
import { type CliContext, CliError } from './cli-context.js';

const exists = async (get: () => Promise<unknown>) =>
  get().then(
    () => true,
    () => false,
  );

/** `waffle-kit switch NAME on|off [--create]`, `waffle-kit switch --list`. */
export async function switchCommand(args: string[], { runtime, actor, out }: CliContext): Promise<void> {
  const switches = switchService(runtime.inTransaction);
  if (args.includes('--list') || args.includes('-l')) {
    out('Switches:');
    for (const s of await switches.list()) out(`${s.name}: ${s.active ? 'on' : 'off'}`);
    return;
  }
  const create = args.includes('--create');
  const [name, state, ...extra] = args.filter((arg) => arg !== '--create');
  if (!name || (state !== 'on' && state !== 'off') || extra.length > 0) {
    throw new CliError('Usage: waffle-kit switch NAME on|off [--create]', 2);
  }
  const active = state === 'on';
  if (await exists(() => switches.get(name))) {
    await switches.update(name, parseInput(updateSwitchSchema, { active }), actor);
    out(`Switch "${name}" is ${state}.`);
  } else if (create) {
    await switches.create(parseInput(createSwitchSchema, { name, active }), actor);
    out(`Switch "${name}" created, ${state}.`);
  } else {
    throw new CliError('This switch does not exist. Add --create to create it.');
  }
}

/** `waffle-kit sample NAME PERCENT [--create]`, `waffle-kit sample --list`. */
export async function sampleCommand(args: string[], { runtime, actor, out }: CliContext): Promise<void> {
  const samples = sampleService(runtime.inTransaction);
  if (args.includes('--list') || args.includes('-l')) {
    out('Samples:');
    for (const s of await samples.list()) out(`${s.name}: ${s.percent}%`);
    return;
  }
  const create = args.includes('--create');
  const [name, value, ...extra] = args.filter((arg) => arg !== '--create');
  if (!name || value === undefined || extra.length > 0) {
    throw new CliError('Usage: waffle-kit sample NAME PERCENT [--create]', 2);
  }
  const percent = Number(value);
  if (await exists(() => samples.get(name))) {
    await samples.update(name, parseInput(updateSampleSchema, { percent }), actor);
    out(`Sample "${name}" is at ${percent}%.`);
  } else if (create) {
    await samples.create(parseInput(createSampleSchema, { name, percent }), actor);
    out(`Sample "${name}" created at ${percent}%.`);
  } else {
    throw new CliError('This sample does not exist. Add --create to create it.');
  }
}

/** `waffle-kit delete --flags A B --switches C --samples D --sets E` (Waffle's `waffle_delete`, and sets). */
export async function deleteCommand(args: string[], { runtime, actor, out }: CliContext): Promise<void> {
  const targets: Record<'flags' | 'switches' | 'samples' | 'sets', string[]> = {
    flags: [],
    switches: [],
    samples: [],
    sets: [],
  };
  let current: keyof typeof targets | null = null;
  for (const arg of args) {
    if (arg === '--flags' || arg === '--switches' || arg === '--samples' || arg === '--sets')
      current = arg.slice(2) as keyof typeof targets;
    else if (current && !arg.startsWith('-')) targets[current].push(arg);
    else
      throw new CliError(
        'Usage: waffle-kit delete [--flags NAME...] [--switches NAME...] [--samples NAME...] [--sets NAME...]',
        2,
      );
  }
  if (Object.values(targets).every((names) => names.length === 0)) {
    throw new CliError('Name something to delete: --flags NAME..., --switches NAME..., --samples NAME...', 2);
  }
  if (targets.flags.length)
    await flagService(runtime.inTransaction).bulk({ action: 'delete', names: targets.flags }, actor);
  for (const name of targets.switches) await switchService(runtime.inTransaction).remove(name, actor);
  for (const name of targets.samples) await sampleService(runtime.inTransaction).remove(name, actor);
  for (const name of targets.sets) await flagSetService(runtime.inTransaction).remove(name, actor);
  for (const [kind, names] of Object.entries(targets))
    for (const name of names) out(`Deleted ${kind === 'sets' ? 'flag set' : kind.slice(0, -1)} "${name}".`);
}
