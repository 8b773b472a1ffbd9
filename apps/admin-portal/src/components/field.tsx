import { type ReactNode, useId } from 'react';

export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  readonly label: string;
  /** The API's message for this field (`error.fields[name]`), shown under the control. */
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its inline validation error wired by id. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface CheckboxProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string;
  readonly error?: string | undefined;
}

export function Checkbox({ label, checked, onChange, hint, error }: CheckboxProps) {
  const id = useId();
  return (
    <div className={error ? 'check field--invalid' : 'check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint || error ? `${id}-more` : undefined}
        aria-invalid={Boolean(error)}
      />
      <label htmlFor={id}>{label}</label>
      {(hint || error) && (
        <p className={error ? 'field__error' : 'field__hint'} id={`${id}-more`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
