import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isValidPercent } from '@waffle-kit/core';
import { type FormEvent, useState } from 'react';
import {
  ApiError,
  type EnterpriseCustomer,
  type EnterprisePercentage,
  type FlagDetail,
  flagsApi,
  queryKeys,
} from '../api/index.js';
import { errorText } from '../components/error-message.js';
import { Field } from '../components/field.js';
import { parsePercent } from './flag-form.js';

const PERCENT_MESSAGE = 'Enter a percentage from 0.0 to 100.0 with at most one decimal.';

/** A check made before sending, in the API's error shape so it shows where the API's would. */
function localError(field: string, message: string): ApiError {
  return new ApiError(400, { code: 'validation_error', message, fields: { [field]: message } });
}

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}

/** What no field shows: the message of an error without per-field messages. */
function generalError(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) return undefined;
  return errorText(error);
}

function checkedPercent(text: string): number {
  const percent = parsePercent(text);
  if (percent === null || !isValidPercent(percent)) throw localError('percent', PERCENT_MESSAGE);
  return percent;
}

/** "12 of 40 linked learners", from the optional counts the API adds to each row. */
export function learnersText(entry: EnterprisePercentage): string {
  if (entry.learners_on !== undefined && entry.linked_learners !== undefined) {
    return `${entry.learners_on} of ${entry.linked_learners} linked learner${entry.linked_learners === 1 ? '' : 's'}`;
  }
  if (entry.linked_learners !== undefined) return `${entry.linked_learners} linked`;
  return '—';
}

interface RowProps {
  readonly flagName: string;
  readonly entry: EnterprisePercentage;
  readonly customerName: string;
  readonly onChanged: (answer?: unknown) => Promise<void>;
}

/** Percentage writes bump the flag's version; the flag form waits for them (see the editor). */
export function percentageMutationKey(flagName: string) {
  return ['enterprise-percentage', flagName] as const;
}

function isFlagDetail(value: unknown, name: string): value is FlagDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as FlagDetail).name === name &&
    typeof (value as FlagDetail).version === 'number' &&
    Array.isArray((value as FlagDetail).enterprise_percentages)
  );
}

function PercentageRow({ flagName, entry, customerName, onChanged }: RowProps) {
  const [draft, setDraft] = useState(String(entry.percent));
  const save = useMutation({
    mutationKey: percentageMutationKey(flagName),
    mutationFn: () =>
      flagsApi.setEnterprisePercent(flagName, entry.enterprise_customer_uuid, checkedPercent(draft)),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationKey: percentageMutationKey(flagName),
    mutationFn: () => flagsApi.removeEnterprisePercent(flagName, entry.enterprise_customer_uuid),
    onSuccess: onChanged,
  });
  const failed = save.error ?? remove.error;
  // A row has one input, so any field message of the answer belongs beside it.
  const error = failed
    ? (fieldError(failed, 'percent') ??
      (failed instanceof ApiError ? Object.values(failed.fields)[0] : undefined) ??
      errorText(failed))
    : undefined;
  const inputId = `ep-${entry.enterprise_customer_uuid}`;
  return (
    <tr data-testid="enterprise-percentage-row" data-uuid={entry.enterprise_customer_uuid}>
      <th scope="row">{customerName}</th>
      <td>
        <label className="visually-hidden" htmlFor={inputId}>
          Percent for {customerName}
        </label>
        <input
          id={inputId}
          className="input--percent"
          inputMode="decimal"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // A table row cannot hold a form, so Enter saves by hand.
            if (event.key === 'Enter') save.mutate();
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        {error && (
          <p className="field__error" id={`${inputId}-error`}>
            {error}
          </p>
        )}
      </td>
      <td data-testid="learners-on" data-label="Learners turned on">
        {learnersText(entry)}
      </td>
      <td>
        <div className="actions">
          <button
            type="button"
            onClick={() => save.mutate()}
            disabled={save.isPending || draft === String(entry.percent)}
            aria-label={`Save percentage: ${customerName}`}
          >
            Save
          </button>
          <button
            type="button"
            className="button--danger"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
            aria-label={`Remove percentage: ${customerName}`}
          >
            Remove
          </button>
        </div>
      </td>
    </tr>
  );
}

interface TableProps {
  readonly flagName: string;
  readonly entries: readonly EnterprisePercentage[];
  readonly customers: readonly EnterpriseCustomer[];
}

/** The per-enterprise percentages of one flag: add, change, remove, each saved on its own. */
export function EnterprisePercentageTable({ flagName, entries, customers }: TableProps) {
  const client = useQueryClient();
  const [customer, setCustomer] = useState('');
  const [percent, setPercent] = useState('');
  const nameOf = (uuid: string) => customers.find((c) => c.uuid === uuid)?.name ?? uuid;
  // A percentage write bumps the flag's version: take the flag the API answers with at once, so
  // the next save of the flag form carries the new version in If-Match.
  const refresh = async (answer?: unknown) => {
    if (isFlagDetail(answer, flagName)) client.setQueryData(queryKeys.flag(flagName), answer);
    await client.invalidateQueries({ queryKey: queryKeys.allFlags });
  };
  const add = useMutation({
    mutationKey: percentageMutationKey(flagName),
    mutationFn: () => {
      if (customer === '') throw localError('enterprise_customer_uuid', 'Choose an enterprise customer.');
      return flagsApi.setEnterprisePercent(flagName, customer, checkedPercent(percent));
    },
    onSuccess: async (answer) => {
      setCustomer('');
      setPercent('');
      await refresh(answer);
    },
  });
  const taken = new Set(entries.map((entry) => entry.enterprise_customer_uuid));
  const free = customers.filter((c) => !taken.has(c.uuid));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <section className="card" aria-labelledby="ep-title" data-testid="enterprise-percentages">
      <h2 id="ep-title">Enterprise percentages</h2>
      <p className="muted">
        For a learner who is an active, linked member of the enterprise named by the request, this percentage
        replaces the global one.
      </p>
      {entries.length === 0 ? (
        <p className="empty">No enterprise percentages.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">Enterprise customer</th>
                <th scope="col">Percent</th>
                <th scope="col">Learners turned on</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <PercentageRow
                  key={`${entry.enterprise_customer_uuid}:${entry.percent}`}
                  flagName={flagName}
                  entry={entry}
                  customerName={nameOf(entry.enterprise_customer_uuid)}
                  onChanged={refresh}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="inline-form" onSubmit={submit} aria-label="Add an enterprise percentage" noValidate>
        <Field label="Enterprise customer" error={fieldError(add.error, 'enterprise_customer_uuid')}>
          {(control) => (
            <select
              {...control}
              data-testid="ep-customer"
              value={customer}
              onChange={(event) => setCustomer(event.target.value)}
            >
              <option value="">Choose…</option>
              {free.map((c) => (
                <option key={c.uuid} value={c.uuid}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Enterprise percent" error={fieldError(add.error, 'percent')}>
          {(control) => (
            <input
              {...control}
              className="input--percent"
              inputMode="decimal"
              data-testid="ep-percent"
              value={percent}
              onChange={(event) => setPercent(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={add.isPending}>
          Add percentage
        </button>
      </form>
      {generalError(add.error) && (
        <p className="notice notice--error" role="alert">
          {generalError(add.error)}
        </p>
      )}
    </section>
  );
}
