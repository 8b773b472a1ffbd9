import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError, type EnterpriseCustomer, enterprisesApi, queryKeys } from '../api/index.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ErrorMessage } from '../components/error-message.js';
import { Checkbox, Field } from '../components/field.js';
import { useUsers } from '../directory/use-directory.js';

/** The learners of one enterprise customer: link (or update the link of) a user, unlink one. */
export function EnterpriseLearners({ customer }: { readonly customer: EnterpriseCustomer }) {
  const client = useQueryClient();
  const listId = useId();
  const users = useUsers();
  const learners = useQuery({
    queryKey: queryKeys.learners(customer.uuid),
    queryFn: () => enterprisesApi.learners(customer.uuid),
  });
  const [draft, setDraft] = useState({ username: '', active: true, linked: true });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.learners(customer.uuid) });
  const link = useMutation({
    mutationFn: () => enterprisesApi.link(customer.uuid, { ...draft, username: draft.username.trim() }),
    onSuccess: async () => {
      setDraft({ username: '', active: true, linked: true });
      await refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (username: string) => enterprisesApi.unlink(customer.uuid, username),
    onSuccess: refresh,
  });
  const fields = link.error instanceof ApiError ? link.error.fields : {};
  const general = link.error && Object.keys(fields).length === 0 ? link.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate();
  };

  return (
    <section className="card" aria-labelledby="learners-title" data-testid="enterprise-learners">
      <h2 id="learners-title">Learners of {customer.name}</h2>
      <ErrorMessage error={learners.error ?? unlink.error} />
      {learners.isPending ? (
        <p className="loading">Loading learners…</p>
      ) : (learners.data ?? []).length === 0 ? (
        <p className="empty">No learners linked.</p>
      ) : (
        <ul className="object-list" aria-label={`Learners of ${customer.name}`}>
          {(learners.data ?? []).map((learner) => (
            <li key={learner.username} className="object-row" data-testid="learner-row">
              <div className="object-row__main">
                <strong>{learner.username}</strong>
                <span className="badge">{learner.linked ? 'linked' : 'not linked'}</span>
                <span className="badge">{learner.active ? 'active' : 'inactive'}</span>
              </div>
              <div className="actions">
                {learner.username !== null && (
                  <ConfirmButton
                    label="Unlink"
                    question={`Unlink ${learner.username} from ${customer.name}?`}
                    onConfirm={() => unlink.mutate(learner.username!)}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Link a learner">
        <Field label="Username" error={fields.username}>
          {(control) => (
            <input
              {...control}
              list={`${listId}-users`}
              value={draft.username}
              onChange={(event) => setDraft({ ...draft, username: event.target.value })}
            />
          )}
        </Field>
        <datalist id={`${listId}-users`}>
          {(users.data ?? []).map((user) => (
            <option key={user.username} value={user.username} />
          ))}
        </datalist>
        <Checkbox
          label="Active"
          checked={draft.active}
          onChange={(active) => setDraft({ ...draft, active })}
        />
        <Checkbox
          label="Linked"
          checked={draft.linked}
          onChange={(linked) => setDraft({ ...draft, linked })}
        />
        <div className="form-actions">
          <button type="submit" disabled={link.isPending || draft.username.trim() === ''}>
            Link learner
          </button>
        </div>
        <ErrorMessage error={general} />
      </form>
    </section>
  );
}
