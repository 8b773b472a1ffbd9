import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@waffle-kit/contract/client';
import { type FormEvent, useState } from 'react';
import { login, queryKeys } from '../api/learner-api.js';

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
        <label htmlFor="login-username">Username</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          aria-invalid={fields.username ? true : undefined}
          aria-describedby={fields.username ? 'login-username-error' : undefined}
          required
        />
        {fields.username && (
          <p className="field-error" id="login-username-error">
            {fields.username}
          </p>
        )}
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={fields.password ? true : undefined}
          aria-describedby={fields.password ? 'login-password-error' : undefined}
          required
        />
        {fields.password && (
          <p className="field-error" id="login-password-error">
            {fields.password}
          </p>
        )}
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
