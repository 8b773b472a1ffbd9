import { nameSchema, noteSchema, percentSchema } from '@waffle-kit/contract';
import { z } from 'zod';
import { ValidationError } from '../../errors/app-error.js';
import { createEnterpriseCustomerSchema } from '../enterprise-customers/enterprise-customer-input.js';
import { createFlagSchema } from '../flags/flag-input.js';
import { groupNameSchema, usernameSchema } from '../users/user-input.js';

/**
 * What an import takes: the export format (the contract's `FlagStateDump`), all flag state plus
 * the groups, users, customers and flag sets it names, with every list and note optional.
 */
export const flagStateImportSchema = z.strictObject({
  format: z.literal('waffle-kit/1').optional(),
  groups: z.array(groupNameSchema).default([]),
  users: z.array(z.strictObject({ username: usernameSchema })).default([]),
  enterprise_customers: z
    .array(createEnterpriseCustomerSchema.required({ uuid: true, active: true }))
    .default([]),
  flag_sets: z.array(z.strictObject({ name: nameSchema, note: noteSchema.default('') })).default([]),
  flags: z.array(createFlagSchema).default([]),
  switches: z
    .array(z.strictObject({ name: nameSchema, active: z.boolean(), note: noteSchema.default('') }))
    .default([]),
  samples: z
    .array(z.strictObject({ name: nameSchema, percent: percentSchema, note: noteSchema.default('') }))
    .default([]),
});

export type FlagStateImport = z.infer<typeof flagStateImportSchema>;

/**
 * The flag set a Waffle `dumpdata` list's flags are put in (Waffle has no sets), so a route can
 * serve just them; `POST /import?default_set=` and `waffle-kit import --default-set` pick another.
 */
export const DEFAULT_IMPORT_SET = 'imported';

type Loose = Record<string, unknown>;

/** `["alice"]`, `[["alice"]]` (Django natural keys) -> names; numeric primary keys cannot be mapped and are dropped. */
function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => (Array.isArray(item) ? item[0] : item))
    .filter((item): item is string => typeof item === 'string');
}

/** Waffle stores languages as comma-separated text and Django serializes decimals as strings. */
function normalizeFlag(fields: Loose): Loose {
  const flag: Loose = { ...fields };
  if (typeof flag.languages === 'string') {
    flag.languages = flag.languages
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
  }
  if (typeof flag.percent === 'string') flag.percent = flag.percent === '' ? null : Number(flag.percent);
  if (flag.users !== undefined) flag.users = names(flag.users);
  if (flag.groups !== undefined) flag.groups = names(flag.groups);
  for (const waffleOnly of ['created', 'modified', 'id', 'version']) delete flag[waffleOnly];
  return flag;
}

function normalizeSample(fields: Loose): Loose {
  const sample: Loose = { ...fields };
  if (typeof sample.percent === 'string') sample.percent = Number(sample.percent);
  for (const extra of ['created', 'modified', 'id', 'version']) delete sample[extra];
  return sample;
}

/**
 * Accepts our export, or Django's `dumpdata waffle` list (`[{ model: "waffle.flag", fields }]`),
 * or our format with Waffle's field spellings, and returns input for `flagStateImportSchema`. A
 * dumpdata list's flags go into `defaultSet`.
 */
export function normalizeDump(data: unknown, defaultSet = DEFAULT_IMPORT_SET): unknown {
  if (Array.isArray(data)) {
    const dump: {
      flags: Loose[];
      switches: Loose[];
      samples: Loose[];
      groups: string[];
      users: Loose[];
      flag_sets: Loose[];
    } = {
      flags: [],
      switches: [],
      samples: [],
      groups: [],
      users: [],
      flag_sets: [],
    };
    for (const [index, entry] of (data as Loose[]).entries()) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new ValidationError(
          'A dumpdata list holds objects like {"model": "waffle.flag", "fields": {...}}.',
          {
            [index]: 'Not an object.',
          },
        );
      }
      const fields = (entry.fields ?? {}) as Loose;
      if (entry.model === 'waffle.flag') dump.flags.push({ ...normalizeFlag(fields), sets: [defaultSet] });
      else if (entry.model === 'waffle.switch') dump.switches.push(normalizeSample(fields));
      else if (entry.model === 'waffle.sample') dump.samples.push(normalizeSample(fields));
    }
    if (dump.flags.length > 0) dump.flag_sets = [{ name: defaultSet }];
    dump.groups = [...new Set(dump.flags.flatMap((f) => (f.groups as string[] | undefined) ?? []))];
    dump.users = [...new Set(dump.flags.flatMap((f) => (f.users as string[] | undefined) ?? []))].map(
      (username) => ({
        username,
      }),
    );
    return dump;
  }
  if (typeof data !== 'object' || data === null) return data;
  const dump = { ...(data as Loose) };
  if (Array.isArray(dump.flags)) dump.flags = (dump.flags as Loose[]).map(normalizeFlag);
  if (Array.isArray(dump.switches)) dump.switches = (dump.switches as Loose[]).map(normalizeSample);
  if (Array.isArray(dump.samples)) dump.samples = (dump.samples as Loose[]).map(normalizeSample);
  return dump;
}
