import { useId, useState } from 'react';

interface NamePickerProps {
  readonly label: string;
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  /** Names to suggest (users or groups known to the server). */
  readonly options: readonly string[];
  readonly error?: string | undefined;
  readonly testId: string;
}

/**
 * Picks several names (users, groups): chips with a remove button, and a text box with
 * suggestions. Unknown names may be typed; the API says which do not exist.
 */
export function NamePicker({ label, value, onChange, options, error, testId }: NamePickerProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const name = draft.trim();
    if (name !== '' && !value.includes(name)) onChange([...value, name]);
    setDraft('');
  };
  const available = options.filter((option) => !value.includes(option));
  return (
    <fieldset className={error ? 'picker field--invalid' : 'picker'} data-testid={testId}>
      <legend>{label}</legend>
      {value.length === 0 ? (
        <p className="field__hint">None.</p>
      ) : (
        <ul className="chips">
          {value.map((name) => (
            <li key={name} className="chip">
              <span>{name}</span>
              <button
                type="button"
                aria-label={`Remove ${name} from ${label.toLowerCase()}`}
                onClick={() => onChange(value.filter((other) => other !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker__add">
        <label htmlFor={id} className="visually-hidden">
          Add to {label.toLowerCase()}
        </label>
        <input
          id={id}
          list={`${id}-options`}
          value={draft}
          placeholder="Type a name"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <datalist id={`${id}-options`}>
          {available.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          Add
        </button>
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
