import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, enterprisesApi, queryKeys } from '../api/index.js';
import { href } from '../app/route.js';
import { ErrorMessage } from '../components/error-message.js';
import { Checkbox, Field } from '../components/field.js';
import { useEnterpriseCustomers } from '../directory/use-directory.js';
import { EnterpriseLearners } from './enterprise-learners.js';

function NewCustomerForm() {
  const client = useQueryClient();
  const empty = { name: '', slug: '', uuid: '', active: true };
  const [draft, setDraft] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      enterprisesApi.create({
        name: draft.name.trim(),
        slug: draft.slug.trim(),
        active: draft.active,
        ...(draft.uuid.trim() ? { uuid: draft.uuid.trim() } : {}),
      }),
    onSuccess: async () => {
      setDraft(empty);
      await client.invalidateQueries({ queryKey: queryKeys.enterprises });
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const general = create.error && Object.keys(fields).length === 0 ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="New enterprise customer">
      <h2>New enterprise customer</h2>
      <Field label="Name" error={fields.name}>
        {(control) => (
          <input
            {...control}
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        )}
      </Field>
      <Field label="Slug" error={fields.slug}>
        {(control) => (
          <input
            {...control}
            value={draft.slug}
            onChange={(event) => setDraft({ ...draft, slug: event.target.value })}
          />
        )}
      </Field>
      <Field label="UUID" error={fields.uuid} hint="Optional: the server makes one.">
        {(control) => (
          <input
            {...control}
            value={draft.uuid}
            onChange={(event) => setDraft({ ...draft, uuid: event.target.value })}
          />
        )}
      </Field>
      <Checkbox label="Active" checked={draft.active} onChange={(active) => setDraft({ ...draft, active })} />
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          Create
        </button>
      </div>
      <ErrorMessage error={general} />
    </form>
  );
}

/** Enterprise customers, and the learners linked to the one that is selected. */
export function EnterprisesPage({ selectedUuid }: { readonly selectedUuid: string | null }) {
  const customers = useEnterpriseCustomers();
  const selected = customers.data?.find((customer) => customer.uuid === selectedUuid) ?? null;
  return (
    <section aria-labelledby="enterprises-title">
      <h1 id="enterprises-title">Enterprise customers</h1>
      <ErrorMessage error={customers.error} />
      {customers.isPending ? (
        <p className="loading">Loading…</p>
      ) : (customers.data ?? []).length === 0 ? (
        <p className="empty">No enterprise customers yet.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="enterprises-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Slug</th>
                <th scope="col">UUID</th>
                <th scope="col">Active</th>
              </tr>
            </thead>
            <tbody>
              {(customers.data ?? []).map((customer) => (
                <tr key={customer.uuid} aria-selected={customer.uuid === selectedUuid}>
                  <th scope="row">
                    <a
                      href={href(['enterprises', customer.uuid])}
                      aria-current={customer.uuid === selectedUuid ? 'true' : undefined}
                    >
                      {customer.name}
                    </a>
                  </th>
                  <td>{customer.slug}</td>
                  <td className="mono">{customer.uuid}</td>
                  <td>{customer.active ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <EnterpriseLearners key={selected.uuid} customer={selected} />}
      <NewCustomerForm />
    </section>
  );
}
