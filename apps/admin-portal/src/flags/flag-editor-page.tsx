import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, type FlagDetail, flagsApi, queryKeys } from '../api/index.js';
import { href, navigate } from '../app/route.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ConflictMessage, ErrorMessage } from '../components/error-message.js';
import { useEnterpriseCustomers } from '../directory/use-directory.js';
import { EnterprisePercentageTable, percentageMutationKey } from './enterprise-percentage-table.js';
import { ExplainTool } from './explain-tool.js';
import { FlagFieldsForm } from './flag-fields-form.js';
import {
  changedFields,
  type FieldErrors,
  type FlagForm,
  fieldsOf,
  formOf,
  NEW_FLAG_FORM,
} from './flag-form.js';

function withoutFields(errors: FieldErrors, fields: ReadonlySet<string>): FieldErrors {
  // `languages.1` goes with `languages`.
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !fields.has(field.split('.')[0]!)));
}

/** Creating a flag (`name` null) or editing one, with its enterprise percentages and explain tool. */
export function FlagEditorPage({ name }: { readonly name: string | null }) {
  const client = useQueryClient();
  const customers = useEnterpriseCustomers();
  const flag = useQuery({
    queryKey: queryKeys.flag(name ?? ''),
    queryFn: () => flagsApi.get(name!),
    enabled: name !== null,
  });
  // null: show the server's values; edits start a draft.
  const [draft, setDraft] = useState<FlagForm | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  // Fields edited since the last attempt: their old messages no longer apply.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState('');
  // A percentage write in flight will change the version this form must send in If-Match.
  const percentagesSaving = useIsMutating({ mutationKey: percentageMutationKey(name ?? '') }) > 0;

  const loaded = flag.data;
  const base = loaded ? formOf(loaded) : NEW_FLAG_FORM;
  const form = draft ?? base;

  const save = useMutation({
    mutationFn: async (next: FlagForm) => {
      const { fields } = fieldsOf(next);
      if (!loaded) return flagsApi.create(fields);
      const patch = changedFields(fieldsOf(base).fields, fields);
      return flagsApi.update(loaded.name, loaded.version, patch);
    },
    onSuccess: async (result) => {
      if (loaded) {
        client.setQueryData<FlagDetail>(queryKeys.flag(loaded.name), (old) => old && { ...old, ...result });
      }
      setDraft(null);
      setSaved(loaded ? 'Saved.' : '');
      await client.invalidateQueries({ queryKey: queryKeys.allFlags });
      if (!loaded) navigate(['flags', result.name]);
    },
  });
  const remove = useMutation({
    mutationFn: () => flagsApi.remove(loaded!.name),
    onSuccess: async () => {
      client.removeQueries({ queryKey: queryKeys.flag(loaded!.name) });
      await client.invalidateQueries({ queryKey: queryKeys.allFlags });
      navigate(['flags']);
    },
  });

  const serverErrors = save.error instanceof ApiError ? save.error.fields : {};
  const errors = withoutFields({ ...serverErrors, ...localErrors }, edited);
  const conflict = save.error instanceof ApiError && save.error.isConflict;
  const unexplained = save.error && !conflict && Object.keys(serverErrors).length === 0 ? save.error : null;

  const edit = (next: FlagForm) => {
    const touched = (Object.keys(next) as (keyof FlagForm)[]).filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(form[key]),
    );
    setEdited(new Set([...edited, ...touched]));
    setDraft(next);
    setSaved('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (percentagesSaving) return;
    const { errors: found } = fieldsOf(form);
    setLocalErrors(found);
    setEdited(new Set());
    if (Object.keys(found).length > 0) return;
    if (loaded && Object.keys(changedFields(fieldsOf(base).fields, fieldsOf(form).fields)).length === 0) {
      setSaved('No changes to save.');
      return;
    }
    save.mutate(form);
  };
  const reload = async () => {
    save.reset();
    setDraft(null);
    setLocalErrors({});
    await flag.refetch();
  };

  if (name !== null && flag.isPending) return <p className="loading">Loading {name}…</p>;
  if (name !== null && flag.isError) {
    return (
      <section>
        <h1>{name}</h1>
        <ErrorMessage error={flag.error} />
        <a href={href(['flags'])}>Back to the flags</a>
      </section>
    );
  }

  const entries = loaded?.enterprise_percentages ?? [];
  return (
    <section aria-labelledby="flag-title" className="editor">
      <div className="page-head">
        <h1 id="flag-title">{loaded ? loaded.name : 'New flag'}</h1>
        <a href={href(['flags'])}>All flags</a>
      </div>
      {loaded && (
        <p className="muted" data-testid="flag-meta">
          Version {loaded.version} · modified {new Date(loaded.modified).toLocaleString()} ·{' '}
          <a href={href(['audit'], { type: 'flag', name: loaded.name })}>History</a>
        </p>
      )}

      <form className="card" onSubmit={submit} noValidate aria-label="Flag settings" data-testid="flag-form">
        <FlagFieldsForm
          form={form}
          errors={errors}
          nameEditable={!loaded}
          onChange={edit}
          warning={{ enterprisePercentages: entries.length }}
        />
        {conflict && <ConflictMessage onReload={reload} />}
        <ErrorMessage error={unexplained} testId="save-error" />
        {Object.keys(errors).length > 0 && !conflict && (
          <p className="notice notice--error" role="alert" data-testid="form-errors">
            {save.error instanceof ApiError && Object.keys(withoutFields(serverErrors, edited)).length > 0
              ? save.error.message
              : 'Some fields need attention.'}
          </p>
        )}
        {saved && (
          <p className="notice" role="status" data-testid="save-status">
            {saved}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending || percentagesSaving}>
            {loaded ? 'Save changes' : 'Create flag'}
          </button>
          {draft && (
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setEdited(new Set());
                setLocalErrors({});
                save.reset();
              }}
            >
              Discard changes
            </button>
          )}
          {loaded && (
            <ConfirmButton
              label="Delete flag"
              question={`Delete ${loaded.name}?`}
              onConfirm={() => remove.mutate()}
              testId="delete-flag"
            />
          )}
        </div>
        <ErrorMessage error={remove.error} testId="delete-error" />
      </form>

      {loaded && (
        <>
          <EnterprisePercentageTable
            flagName={loaded.name}
            entries={entries}
            customers={customers.data ?? []}
          />
          <ExplainTool flagName={loaded.name} />
        </>
      )}
    </section>
  );
}
