import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Flag, flagsApi, queryKeys } from '../api/index.js';
import { href, navigate } from '../app/route.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ErrorMessage } from '../components/error-message.js';
import { Checkbox, Field } from '../components/field.js';
import { useFlagSets } from '../directory/use-directory.js';
import { type BulkAction, describeBulkResult, runBulkAction } from './bulk-actions.js';
import {
  type EveryoneFilter,
  everyoneLabel,
  type FlagFilters,
  filterFlags,
  NO_FILTERS,
} from './flag-filters.js';
import { useDebounced } from './use-debounced.js';

function percentText(flag: Flag): string {
  const enterprises = flag.enterprise_percentages?.length ?? 0;
  const global = flag.percent === null ? '—' : `${flag.percent}%`;
  return enterprises > 0 ? `${global} (+${enterprises} enterprise)` : global;
}

const SET_ACTIONS = [
  { action: 'add_to_set', label: 'Add to set' },
  { action: 'remove_from_set', label: 'Remove from set' },
] as const;

interface SetSelectProps {
  readonly label: string;
  readonly testId: string;
  /** The first choice, value '' (no set). */
  readonly none: string;
  readonly names: readonly string[];
  readonly value: string;
  readonly onChange: (set: string) => void;
}

function SetSelect({ label, testId, none, names, value, onChange }: SetSelectProps) {
  return (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          data-testid={testId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{none}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The flags, searched and filtered; `set` (from the route, so it survives a reload) lists one set's. */
export function FlagListPage({ set }: { readonly set: string }) {
  const client = useQueryClient();
  const flagSets = useFlagSets();
  const setNames = (flagSets.data ?? []).map((flagSet) => flagSet.name);
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<FlagFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkMessage, setBulkMessage] = useState('');
  const [bulkSet, setBulkSet] = useState('');
  const debounced = useDebounced(search.trim());
  const flags = useQuery({
    queryKey: queryKeys.flags(debounced, set),
    queryFn: () => flagsApi.list(debounced, set),
  });

  const shown = filterFlags(flags.data ?? [], filters);
  const chosen = shown.filter((flag) => selected.has(flag.name));

  const bulk = useMutation({
    mutationFn: ({ action, targets }: { action: BulkAction; targets: Flag[] }) =>
      runBulkAction(action, targets, bulkSet),
    onSuccess: (result, { action }) => {
      setBulkMessage(describeBulkResult(action, result, bulkSet));
      setSelected(new Set());
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.allFlags }),
  });
  const runBulk = (action: BulkAction) => bulk.mutate({ action, targets: chosen });

  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    setSelected(next);
  };
  const allChosen = shown.length > 0 && chosen.length === shown.length;

  return (
    <section aria-labelledby="flags-title">
      <div className="page-head">
        <h1 id="flags-title">Flags</h1>
        <a className="button button--primary" href={href(['flags', 'new'])}>
          New flag
        </a>
      </div>

      <form
        className="toolbar"
        aria-label="Search and filter flags"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Search name and note">
          {(control) => (
            <input
              {...control}
              type="search"
              data-testid="flag-search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          )}
        </Field>
        <Field label="Everyone">
          {(control) => (
            <select
              {...control}
              data-testid="filter-everyone"
              value={filters.everyone}
              onChange={(event) => setFilters({ ...filters, everyone: event.target.value as EveryoneFilter })}
            >
              <option value="any">Any</option>
              <option value="on">Yes (on for everyone)</option>
              <option value="off">No (off for everyone)</option>
              <option value="unset">Unknown (rules decide)</option>
            </select>
          )}
        </Field>
        <SetSelect
          label="Flag set"
          testId="filter-set"
          none="Any"
          // A set the address names that no longer exists stays shown; the list says why it is empty.
          names={set && !setNames.includes(set) ? [...setNames, set] : setNames}
          value={set}
          onChange={(next) => navigate(['flags'], { set: next })}
        />
        <Checkbox
          label="Has percentages"
          checked={filters.hasPercentages}
          onChange={(hasPercentages) => setFilters({ ...filters, hasPercentages })}
        />
        <Checkbox
          label="Testing"
          checked={filters.testing}
          onChange={(testing) => setFilters({ ...filters, testing })}
        />
      </form>

      <fieldset className="bulk" aria-label="Bulk actions" data-testid="bulk-actions">
        <span className="bulk__count">{chosen.length} selected</span>
        <button
          type="button"
          disabled={chosen.length === 0 || bulk.isPending}
          onClick={() => runBulk('enable')}
        >
          Enable for everyone
        </button>
        <button
          type="button"
          disabled={chosen.length === 0 || bulk.isPending}
          onClick={() => runBulk('disable')}
        >
          Disable for everyone
        </button>
        <ConfirmButton
          label="Delete"
          question={`Delete ${chosen.length === 1 ? '1 flag' : `${chosen.length} flags`}?`}
          disabled={chosen.length === 0 || bulk.isPending}
          onConfirm={() => runBulk('delete')}
          testId="bulk-delete"
        />
        <SetSelect
          label="Set to add to or remove from"
          testId="bulk-set"
          none="Choose a set"
          names={setNames}
          value={bulkSet}
          onChange={setBulkSet}
        />
        {SET_ACTIONS.map(({ action, label }) => (
          <button
            key={action}
            type="button"
            disabled={chosen.length === 0 || bulkSet === '' || bulk.isPending}
            onClick={() => runBulk(action)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {bulkMessage && (
        <p className="notice" role="status" data-testid="bulk-result">
          {bulkMessage}
        </p>
      )}
      <ErrorMessage error={flags.error ?? bulk.error} />

      {flags.isPending ? (
        <p className="loading">Loading flags…</p>
      ) : shown.length === 0 ? (
        <p className="empty" data-testid="flags-empty">
          {(flags.data?.length ?? 0) === 0 && debounced === ''
            ? set
              ? `No flag in ${set} yet.`
              : 'No flags yet.'
            : 'No flag matches.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table stack-table--select" data-testid="flags-table">
            <caption className="visually-hidden">Flags</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all shown flags"
                    checked={allChosen}
                    onChange={(event) =>
                      setSelected(event.target.checked ? new Set(shown.map((f) => f.name)) : new Set())
                    }
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">Everyone</th>
                <th scope="col">Percent</th>
                <th scope="col">Testing</th>
                <th scope="col">Sets</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((flag) => (
                <tr key={flag.name} data-testid="flag-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${flag.name}`}
                      checked={selected.has(flag.name)}
                      onChange={(event) => toggle(flag.name, event.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    <a href={href(['flags', flag.name])}>{flag.name}</a>
                  </th>
                  <td data-label="Everyone">{everyoneLabel(flag.everyone)}</td>
                  <td data-label="Percent">{percentText(flag)}</td>
                  <td data-label="Testing">{flag.testing ? 'Yes' : 'No'}</td>
                  <td data-label="Sets">
                    {flag.sets.length > 0
                      ? flag.sets.map((set, index) => (
                          <span key={set} className="set-name">
                            {index > 0 ? ', ' : ''}
                            {set}
                          </span>
                        ))
                      : '—'}
                  </td>
                  <td className="note-cell" data-label="Note">
                    {flag.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
