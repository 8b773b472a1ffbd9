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

/** Create or edit a switch or a sample; local checks first, then the API's field messages. */
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
    const parsed = kind.parse(draft.value);
    if ('error' in parsed) found[kind.valueKey] = parsed.error;
    setLocal(found);
    if (Object.keys(found).length > 0 || 'error' in parsed) return;
    onSubmit({ name, note: draft.note, [kind.valueKey]: parsed.value });
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
      {kind.input === 'checkbox' ? (
        <Checkbox
          label={kind.valueLabel}
          checked={draft.value === 'true'}
          error={errors[kind.valueKey]}
          onChange={(checked) => setDraft({ ...draft, value: String(checked) })}
        />
      ) : (
        <Field label={kind.valueLabel} error={errors[kind.valueKey]}>
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
