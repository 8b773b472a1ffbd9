import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { href } from '../app/route.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ErrorMessage } from '../components/error-message.js';
import { NamedObjectForm } from './named-object-form.js';
import type { NamedObject, NamedObjectFields, NamedObjectKind } from './named-object-kind.js';

/** `switch`, `sample`, `flag-set`: for test ids and element ids. */
const idOf = (kind: NamedObjectKind) => kind.singular.replaceAll(' ', '-');

function NamedObjectRow({ kind, object }: { readonly kind: NamedObjectKind; readonly object: NamedObject }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: kind.queryKey });
  const update = useMutation({
    mutationFn: (fields: NamedObjectFields) =>
      kind.api.update(object.name, object.version, {
        note: fields.note,
        ...(kind.value ? { [kind.value.key]: fields[kind.value.key] } : {}),
      }),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => kind.api.remove(object.name), onSuccess: refresh });

  if (editing) {
    return (
      <li className="object-row object-row--editing" data-testid={`${idOf(kind)}-row`}>
        <NamedObjectForm
          kind={kind}
          initial={{ name: object.name, value: kind.value?.toText(object) ?? '', note: object.note }}
          nameEditable={false}
          formLabel={`Edit ${object.name}`}
          submitLabel="Save"
          pending={update.isPending}
          error={update.error}
          onSubmit={(fields) => update.mutate(fields)}
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
          onReload={async () => {
            update.reset();
            setEditing(false);
            await refresh();
          }}
        />
      </li>
    );
  }
  return (
    <li className="object-row" data-testid={`${idOf(kind)}-row`}>
      <div className="object-row__main">
        <strong>{object.name}</strong>
        {kind.value && <span className="badge">{kind.value.display(object)}</span>}
        {object.note && <span className="muted note-cell">{object.note}</span>}
      </div>
      <div className="actions">
        {kind.link && (
          <a href={kind.link.href(object)} aria-label={`${kind.link.label} of ${object.name}`}>
            {kind.link.label}
          </a>
        )}
        <a href={href(['audit'], { type: kind.auditType, name: object.name })}>History</a>
        <button type="button" onClick={() => setEditing(true)} aria-label={`Edit ${object.name}`}>
          Edit
        </button>
        <ConfirmButton label="Delete" question={`Delete ${object.name}?`} onConfirm={() => remove.mutate()} />
      </div>
      <ErrorMessage error={remove.error} />
    </li>
  );
}

/** The switches, samples or flag sets page: list, create, edit, delete. */
export function NamedObjectPage({ kind }: { readonly kind: NamedObjectKind }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: kind.queryKey, queryFn: kind.api.list });
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: (fields: NamedObjectFields) => kind.api.create(fields),
    onSuccess: async () => {
      setFormKey((key) => key + 1);
      await client.invalidateQueries({ queryKey: kind.queryKey });
    },
  });
  const titleId = `${idOf(kind)}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h1 id={titleId}>{kind.title}</h1>
      <div className="card">
        <h2>New {kind.singular}</h2>
        <NamedObjectForm
          key={formKey}
          kind={kind}
          initial={{ name: '', value: kind.value?.empty ?? '', note: '' }}
          nameEditable
          formLabel={`New ${kind.singular}`}
          submitLabel="Create"
          pending={create.isPending}
          error={create.error}
          onSubmit={(fields) => create.mutate(fields)}
        />
      </div>
      <ErrorMessage error={list.error} />
      {list.isPending ? (
        <p className="loading">Loading…</p>
      ) : (list.data ?? []).length === 0 ? (
        <p className="empty">No {kind.title.toLowerCase()} yet.</p>
      ) : (
        <ul className="object-list" aria-label={kind.title}>
          {(list.data ?? []).map((object) => (
            <NamedObjectRow key={`${object.name}:${object.version ?? ''}`} kind={kind} object={object} />
          ))}
        </ul>
      )}
    </section>
  );
}
