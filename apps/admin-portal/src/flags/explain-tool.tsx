import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { flagsApi } from '../api/index.js';
import { ErrorMessage } from '../components/error-message.js';
import { Field } from '../components/field.js';
import { useEnterpriseCustomers, useUsers } from '../directory/use-directory.js';

interface ExplainToolProps {
  /** The flag to explain; without it the tool asks for a flag name too. */
  readonly flagName?: string;
  readonly initialFlagName?: string;
}

/** "Why is this on for alice in Acme?": the value and the rule that decided, from the server. */
export function ExplainTool({ flagName, initialFlagName = '' }: ExplainToolProps) {
  const listId = useId();
  const users = useUsers();
  const customers = useEnterpriseCustomers();
  const [flag, setFlag] = useState(initialFlagName);
  const [username, setUsername] = useState('');
  const [customer, setCustomer] = useState('');
  const explain = useMutation({
    mutationFn: () => flagsApi.explain(flagName ?? flag.trim(), username.trim(), customer || undefined),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    explain.mutate();
  };
  const result = explain.data;

  return (
    <section className="card" aria-labelledby={`${listId}-title`} data-testid="explain-tool">
      <h2 id={`${listId}-title`}>Explain</h2>
      <p className="muted">Why is this flag on or off for a user, optionally in an enterprise?</p>
      <form className="inline-form" onSubmit={submit} noValidate>
        {flagName === undefined && (
          <Field label="Flag name">
            {(control) => (
              <input
                {...control}
                data-testid="explain-flag"
                value={flag}
                onChange={(event) => setFlag(event.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Username">
          {(control) => (
            <input
              {...control}
              data-testid="explain-username"
              list={`${listId}-users`}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          )}
        </Field>
        <datalist id={`${listId}-users`}>
          {(users.data ?? []).map((user) => (
            <option key={user.username} value={user.username} />
          ))}
        </datalist>
        <Field label="In enterprise (optional)">
          {(control) => (
            <select
              {...control}
              data-testid="explain-enterprise"
              value={customer}
              onChange={(event) => setCustomer(event.target.value)}
            >
              <option value="">None (global evaluation)</option>
              {(customers.data ?? []).map((c) => (
                <option key={c.uuid} value={c.uuid}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={explain.isPending || username.trim() === ''}>
          Explain
        </button>
      </form>
      <ErrorMessage error={explain.error} testId="explain-error" />
      {result && (
        <p className="explain-result" role="status" data-testid="explain-result">
          <span className={result.is_active ? 'badge badge--on' : 'badge badge--off'}>
            {result.is_active ? 'On' : 'Off'}
          </span>{' '}
          {/* The badge says on or off; the description need not say it again. */}
          <span data-testid="explain-reason">
            {(result.description ?? result.reason).replace(/^(on|off):\s*/, '')}
          </span>
          {result.description && <span className="muted"> (rule: {result.reason})</span>}
        </p>
      )}
    </section>
  );
}
