import { useId } from 'react';
import { Checkbox, Field } from '../components/field.js';
import { NamePicker } from '../components/name-picker.js';
import { useFlagSets, useGroups, useUsers } from '../directory/use-directory.js';
import { EveryoneWarning } from './everyone-warning.js';
import type { FieldErrors, FlagForm } from './flag-form.js';

const EVERYONE_CHOICES = [
  { value: null, label: 'Unknown', hint: 'the rules below decide' },
  { value: true, label: 'Yes', hint: 'on for everyone' },
  { value: false, label: 'No', hint: 'off for everyone' },
] as const;

interface FlagFieldsFormProps {
  readonly form: FlagForm;
  readonly errors: FieldErrors;
  readonly nameEditable: boolean;
  readonly onChange: (form: FlagForm) => void;
  readonly warning: { readonly enterprisePercentages: number };
}

/**
 * Every Waffle field of a flag, in the order the rules apply (DESIGN.md's evaluation order), then
 * the note and the flag sets it is in (which decide where it is embedded, not its value).
 */
export function FlagFieldsForm({ form, errors, nameEditable, onChange, warning }: FlagFieldsFormProps) {
  const id = useId();
  const users = useUsers();
  const groups = useGroups();
  const flagSets = useFlagSets();
  const set = <K extends keyof FlagForm>(key: K, value: FlagForm[K]) => onChange({ ...form, [key]: value });

  return (
    <div className="flag-fields">
      <Field
        label="Name"
        error={errors.name}
        hint={nameEditable ? 'Letters, digits, dots, dashes, underscores.' : undefined}
      >
        {(control) => (
          <input
            {...control}
            name="name"
            value={form.name}
            readOnly={!nameEditable}
            onChange={(event) => set('name', event.target.value)}
          />
        )}
      </Field>

      <fieldset className={errors.everyone ? 'radios field--invalid' : 'radios'} data-testid="everyone">
        <legend>Everyone</legend>
        {EVERYONE_CHOICES.map((choice) => (
          <div key={String(choice.value)} className="radio">
            <input
              type="radio"
              id={`${id}-everyone-${String(choice.value)}`}
              name={`${id}-everyone`}
              checked={form.everyone === choice.value}
              onChange={() => set('everyone', choice.value)}
            />
            <label htmlFor={`${id}-everyone-${String(choice.value)}`}>
              {choice.label} <span className="muted">({choice.hint})</span>
            </label>
          </div>
        ))}
        {errors.everyone && <p className="field__error">{errors.everyone}</p>}
      </fieldset>
      <EveryoneWarning everyone={form.everyone} enterprisePercentages={warning.enterprisePercentages} />

      <Field
        label="Percent"
        error={errors.percent}
        hint="0.0-100.0, one decimal; empty for none. The same users stay on as it grows."
      >
        {(control) => (
          <input
            {...control}
            name="percent"
            className="input--percent"
            inputMode="decimal"
            value={form.percent}
            onChange={(event) => set('percent', event.target.value)}
          />
        )}
      </Field>

      <div className="checks">
        <Checkbox
          label="Testing"
          hint="?dwft_name=1|0, the dwft-name header or cookie decide"
          checked={form.testing}
          error={errors.testing}
          onChange={(value) => set('testing', value)}
        />
        <Checkbox
          label="Superusers"
          checked={form.superusers}
          error={errors.superusers}
          onChange={(value) => set('superusers', value)}
        />
        <Checkbox
          label="Staff"
          checked={form.staff}
          error={errors.staff}
          onChange={(value) => set('staff', value)}
        />
        <Checkbox
          label="Authenticated"
          checked={form.authenticated}
          error={errors.authenticated}
          onChange={(value) => set('authenticated', value)}
        />
        <Checkbox
          label="Rollout"
          hint="kept for Waffle import compatibility; it changes nothing"
          checked={form.rollout}
          error={errors.rollout}
          onChange={(value) => set('rollout', value)}
        />
      </div>

      <Field
        label="Languages"
        error={errors.languages}
        hint="Language codes, separated by commas (e.g. en, fr-ca)."
      >
        {(control) => (
          <input
            {...control}
            name="languages"
            value={form.languages}
            onChange={(event) => set('languages', event.target.value)}
          />
        )}
      </Field>

      <NamePicker
        label="Users"
        testId="users-picker"
        value={form.users}
        options={(users.data ?? []).map((user) => user.username)}
        error={errors.users}
        onChange={(value) => set('users', value)}
      />
      <NamePicker
        label="Groups"
        testId="groups-picker"
        value={form.groups}
        options={(groups.data ?? []).map((group) => group.name)}
        error={errors.groups}
        onChange={(value) => set('groups', value)}
      />

      <Field label="Note" error={errors.note}>
        {(control) => (
          <textarea
            {...control}
            name="note"
            rows={3}
            value={form.note}
            onChange={(event) => set('note', event.target.value)}
          />
        )}
      </Field>

      <NamePicker
        label="Sets"
        testId="sets-picker"
        value={form.sets}
        options={(flagSets.data ?? []).map((flagSet) => flagSet.name)}
        error={errors.sets}
        onChange={(value) => set('sets', value)}
      />
    </div>
  );
}
