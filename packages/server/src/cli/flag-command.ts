import { parseArgs } from 'node:util';
import { ValidationError } from '../errors/app-error.js';
import { createFlagSchema, updateFlagSchema } from '../features/flags/flag-input.js';
import { flagService } from '../features/flags/flag-service.js';
import type { FlagJson } from '../features/flags/flag-store.js';
import { parseInput } from '../features/shared/parse-input.js';
import { type CliContext, CliError } from './cli-context.js';

export const FLAG_USAGE = `waffle-kit flag NAME [--everyone | --deactivate | --unset-everyone] [-p PERCENT]
       [--superusers | --no-superusers] [--staff | --no-staff] [--authenticated | --no-authenticated]
       [-u USER]... [-g GROUP]... [-s SET]... [--append] [--testing | --no-testing] [--rollout | --no-rollout]
       [--enterprise UUID=PERCENT]... [--note TEXT] [--create]
waffle-kit flag --list`;

/** One line per flag for `flag --list`. */
export function describeFlag(flag: FlagJson): string {
  const parts = [
    `everyone=${flag.everyone === null ? 'unset' : flag.everyone}`,
    `percent=${flag.percent ?? 'none'}`,
    `testing=${flag.testing}`,
    `superusers=${flag.superusers}`,
    `staff=${flag.staff}`,
    `authenticated=${flag.authenticated}`,
    `languages=${flag.languages.join(',') || '-'}`,
    `users=${flag.users.join(',') || '-'}`,
    `groups=${flag.groups.join(',') || '-'}`,
    `sets=${flag.sets.join(',') || '-'}`,
    `rollout=${flag.rollout}`,
    `enterprise=${flag.enterprise_percentages.map((p) => `${p.enterprise_customer_uuid}:${p.percent}`).join(',') || '-'}`,
  ];
  return `${flag.name}: ${parts.join(' ')}`;
}

function pick(values: Record<string, unknown>, on: string, off: string): boolean | undefined {
  if (values[on] && values[off]) throw new CliError(`Use --${on} or --${off}, not both.`, 2);
  if (values[on]) return true;
  if (values[off]) return false;
  return undefined;
}

/**
 * `waffle-kit flag`: Waffle's `waffle_flag`, except that options not given leave the field as
 * it was (Waffle resets them).
 */
export async function flagCommand(args: string[], { runtime, actor, out }: CliContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', short: 'l' },
      everyone: { type: 'boolean' },
      deactivate: { type: 'boolean' },
      'unset-everyone': { type: 'boolean' },
      percent: { type: 'string', short: 'p' },
      superusers: { type: 'boolean' },
      'no-superusers': { type: 'boolean' },
      staff: { type: 'boolean' },
      'no-staff': { type: 'boolean' },
      authenticated: { type: 'boolean' },
      'no-authenticated': { type: 'boolean' },
      testing: { type: 'boolean' },
      'no-testing': { type: 'boolean' },
      rollout: { type: 'boolean' },
      'no-rollout': { type: 'boolean' },
      user: { type: 'string', short: 'u', multiple: true },
      group: { type: 'string', short: 'g', multiple: true },
      set: { type: 'string', short: 's', multiple: true },
      append: { type: 'boolean' },
      enterprise: { type: 'string', multiple: true },
      note: { type: 'string' },
      create: { type: 'boolean' },
    },
  });
  const flags = flagService(runtime.inTransaction);
  if (values.list) {
    out('Flags:');
    for (const flag of await flags.list()) out(describeFlag(flag));
    return;
  }
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new CliError(`Name exactly one flag.\n${FLAG_USAGE}`, 2);

  const everyoneChoices = [values.everyone, values.deactivate, values['unset-everyone']].filter(
    Boolean,
  ).length;
  if (everyoneChoices > 1) throw new CliError('Use one of --everyone, --deactivate and --unset-everyone.', 2);
  let percent: number | undefined;
  if (values.percent !== undefined) {
    percent = Number(values.percent);
    if (values.percent.trim() === '' || Number.isNaN(percent)) {
      throw new ValidationError('Bad percent.', { percent: `"${values.percent}" is not a number.` });
    }
  }
  const existing = await flags.get(name).catch(() => null);
  if (!existing && !values.create) throw new CliError('This flag does not exist. Add --create to create it.');

  const merge = (given: string[] | undefined, current: string[]) =>
    given === undefined ? undefined : values.append ? [...new Set([...current, ...given])] : given;
  let enterprise_percentages: FlagJson['enterprise_percentages'] | undefined;
  if (values.enterprise) {
    const byUuid = new Map(
      (existing?.enterprise_percentages ?? []).map((p) => [p.enterprise_customer_uuid, p.percent]),
    );
    for (const pair of values.enterprise) {
      const [uuid, value] = pair.split('=');
      if (!uuid || value === undefined || value.trim() === '' || Number.isNaN(Number(value))) {
        throw new ValidationError('Bad --enterprise.', {
          enterprise_percentages: `Use UUID=PERCENT, got "${pair}".`,
        });
      }
      byUuid.set(uuid, Number(value));
    }
    enterprise_percentages = [...byUuid].map(([enterprise_customer_uuid, p]) => ({
      enterprise_customer_uuid,
      percent: p,
    }));
  }
  const input = Object.fromEntries(
    Object.entries({
      everyone: values.everyone
        ? true
        : values.deactivate
          ? false
          : values['unset-everyone']
            ? null
            : undefined,
      percent,
      superusers: pick(values, 'superusers', 'no-superusers'),
      staff: pick(values, 'staff', 'no-staff'),
      authenticated: pick(values, 'authenticated', 'no-authenticated'),
      testing: pick(values, 'testing', 'no-testing'),
      rollout: pick(values, 'rollout', 'no-rollout'),
      users: merge(values.user, existing?.users ?? []),
      groups: merge(values.group, existing?.groups ?? []),
      sets: merge(values.set, existing?.sets ?? []),
      note: values.note,
      enterprise_percentages,
    }).filter(([, value]) => value !== undefined),
  );
  const flag = existing
    ? await flags.update(name, parseInput(updateFlagSchema, input), actor)
    : await flags.create(parseInput(createFlagSchema, { name, ...input }), actor);
  out(`Flag "${name}" ${existing ? 'updated' : 'created'}.`);
  out(describeFlag(flag));
}
