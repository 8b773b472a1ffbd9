import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/index.js';
import { ErrorMessage } from '../components/error-message.js';
import { Field } from '../components/field.js';
import { useLogin } from './session.js';

export function LoginPage() {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const fields = login.error instanceof ApiError ? login.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <main className="login" id="main">
      <form className="card login__form" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">waffle-kit admin</h1>
        <p className="muted">Log in with a staff account to manage flags.</p>
        <Field label="Username" error={fields.username}>
          {(control) => (
            <input
              {...control}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={fields.password}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <ErrorMessage error={login.error} testId="login-error" />
        <button type="submit" className="button--primary" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
