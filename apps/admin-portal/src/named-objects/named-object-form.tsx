import { isValidFlagName } from '@waffle-kit/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/index.js';
import { ConflictMessage, ErrorMessage } from '../components/error-message.js';
import { Checkbox, Field } from '../components/field.js';
import type { NamedObjectFields, NamedObjectKind } from './named-object-kind.js';

export interface NamedObjectDraft {
  readonly name: string;
  readonly value: string;
  readonly note: string;
}

interface NamedObjectFormProps {
  readonly kind: NamedObjectKind;
  readonly initial: NamedObjectDraft;
  readonly nameEditable: boolean;
  /** The form's accessible name, e.g. "New switch" or "Edit maintenance_banner". */
  readonly formLabel: string;
  readonly submitLabel: string;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSubmit: (fields: NamedObjectFields) => void;
  readonly onCancel?: () => void;
  readonly onReload?: () => void;
}

/** Create or edit a switch, a sample or a flag set; local checks first, then the API's field messages. */
export function NamedObjectForm(props: NamedObjectFormProps) {
  const {
    kind,
    initial,
    nameEditable,
    formLabel,
    submitLabel,
    pending,
    error,
    onSubmit,
    onCancel,
    onReload,
  } = props;
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = error instanceof ApiError ? error.fields : {};
  const errors: Record<string, string | undefined> = { ...server, ...local };
  const conflict = error instanceof ApiError && error.isConflict;
  const general = error && !conflict && Object.keys(server).length === 0 ? error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const name = draft.name.trim();
    if (nameEditable && !isValidFlagName(name))
      found.name = 'Use 1-100 letters, digits, dots, dashes or underscores.';
    const fields: NamedObjectFields = { name, note: draft.note };
    if (kind.value) {
      const parsed = kind.value.parse(draft.value);
      if ('error' in parsed) found[kind.value.key] = parsed.error;
      else fields[kind.value.key] = parsed.value;
    }
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit(fields);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={formLabel}>
      <Field label="Name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            value={draft.name}
            readOnly={!nameEditable}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        )}
      </Field>
      {kind.value?.input === 'checkbox' && (
        <Checkbox
          label={kind.value.label}
          checked={draft.value === 'true'}
          error={errors[kind.value.key]}
          onChange={(checked) => setDraft({ ...draft, value: String(checked) })}
        />
      )}
      {kind.value?.input === 'percent' && (
        <Field label={kind.value.label} error={errors[kind.value.key]}>
          {(control) => (
            <input
              {...control}
              className="input--percent"
              inputMode="decimal"
              value={draft.value}
              onChange={(event) => setDraft({ ...draft, value: event.target.value })}
            />
          )}
        </Field>
      )}
      <Field label="Note" error={errors.note}>
        {(control) => (
          <input
            {...control}
            value={draft.note}
            onChange={(event) => setDraft({ ...draft, note: event.target.value })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {conflict && onReload && <ConflictMessage onReload={onReload} />}
      <ErrorMessage error={general} />
    </form>
  );
}
