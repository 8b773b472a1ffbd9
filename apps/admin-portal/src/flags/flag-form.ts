import { FLAG_DEFAULTS, isValidFlagName, isValidPercent } from '@waffle-kit/core';
import type { FlagFields } from '../api/index.js';

/** The editor's state: like the flag's fields, with text where the user types numbers or lists. */
export interface FlagForm extends Omit<FlagFields, 'percent' | 'languages'> {
  percent: string;
  languages: string;
}

export type FieldErrors = Readonly<Record<string, string>>;

/** A flag's editable fields as any flag holds them (a stored one, or the defaults' read-only lists). */
type FlagFieldValues = {
  readonly [K in keyof FlagFields]: FlagFields[K] extends string[] ? readonly string[] : FlagFields[K];
};

export function formOf(flag: FlagFieldValues): FlagForm {
  return {
    name: flag.name,
    everyone: flag.everyone,
    percent: flag.percent === null ? '' : String(flag.percent),
    testing: flag.testing,
    superusers: flag.superusers,
    staff: flag.staff,
    authenticated: flag.authenticated,
    languages: flag.languages.join(', '),
    users: [...flag.users],
    groups: [...flag.groups],
    rollout: flag.rollout,
    note: flag.note,
    sets: [...flag.sets],
  };
}

/** A new flag: Waffle's defaults (superusers on, everything else off or unset). */
export const NEW_FLAG_FORM: FlagForm = formOf({ ...FLAG_DEFAULTS, name: '', note: '', sets: [] });

export function parsePercent(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

/**
 * The form as the API's fields, or the messages for what cannot be sent. The API checks again
 * (and checks what only it knows: unknown users, groups and sets, duplicate names).
 */
export function fieldsOf(form: FlagForm): { fields: FlagFields; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const percent = parsePercent(form.percent);
  if (percent !== null && !isValidPercent(percent)) {
    errors.percent = 'Enter a percentage from 0.0 to 100.0 with at most one decimal, or leave it empty.';
  }
  const name = form.name.trim();
  if (!isValidFlagName(name)) errors.name = 'Use 1-100 letters, digits, dots, dashes or underscores.';
  const languages = form.languages
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
  return { fields: { ...form, name, percent, languages }, errors };
}

/** Only what the user changed, so a PATCH never re-sends (and re-audits) untouched fields. */
export function changedFields(before: FlagFields, after: FlagFields): Partial<FlagFields> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof FlagFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch as Partial<FlagFields>;
}
