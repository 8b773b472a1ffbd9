import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@waffle-kit/contract/client';
import { type FormEvent, useState } from 'react';
import { login, queryKeys } from '../api/learner-api.js';

interface TextFieldProps {
  readonly name: 'username' | 'password';
  readonly label: string;
  readonly type?: 'password';
  readonly autoComplete: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The API's message for this field (`error.fields[name]`), shown under the input. */
  readonly error: string | undefined;
}

/** A labelled, required input of the login form, with its inline error wired by id. */
function TextField({ name, label, type, autoComplete, value, onChange, error }: TextFieldProps) {
  const id = `login-${name}`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** Sign in as a demo learner (the accounts are listed on the page: this is a demo). */
export function LoginPage() {
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => login(username.trim(), password),
    onSuccess: (user) => {
      // A new user: nothing cached for the previous one may leak into this session.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      client.setQueryData(queryKeys.me, user);
    },
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <main className="centered">
      <form className="card login" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Sign in to your learning portal</h1>
        <TextField
          name="username"
          label="Username"
          autoComplete="username"
          value={username}
          onChange={setUsername}
          error={fields.username}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fields.password}
        />
        {mutation.isError && !fields.username && !fields.password && (
          <p className="form-error" role="alert">
            {mutation.error.message}
          </p>
        )}
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="hint">
          Demo learners: <code>alice</code> / <code>alice-demo</code> (Acme and Bluebird), <code>bob</code> /{' '}
          <code>bob-demo</code>, <code>carol</code> / <code>carol-demo</code>.
        </p>
      </form>
    </main>
  );
}
