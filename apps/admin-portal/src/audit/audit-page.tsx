import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type AuditEntry, auditApi, queryKeys } from '../api/index.js';
import { navigate } from '../app/route.js';
import { ErrorMessage } from '../components/error-message.js';
import { Field } from '../components/field.js';
import { useEnterpriseCustomers } from '../directory/use-directory.js';
import { type CustomerName, diffAudit } from './audit-diff.js';

// Enterprise percentages belong to their flag: changing one is a flag update.
const OBJECT_TYPES = [
  'flag',
  'switch',
  'sample',
  'enterprise_customer',
  'enterprise_customer_user',
  'user',
  'group',
];

function AuditDiff({ entry, nameOf }: { readonly entry: AuditEntry; readonly nameOf: CustomerName }) {
  const [showAll, setShowAll] = useState(false);
  const changes = diffAudit(entry.before, entry.after, nameOf);
  const shown = showAll ? changes : changes.filter((change) => change.changed);
  const hidden = changes.length - shown.length;
  if (changes.length === 0) return null;
  // A create has nothing before and a delete nothing after: show only the side that exists.
  const sides = [
    ...(entry.before === null ? [] : (['before'] as const)),
    ...(entry.after === null ? [] : (['after'] as const)),
  ];
  return (
    <>
      <table className={`diff diff--${sides.length === 2 ? 'change' : sides[0]}`} data-testid="audit-diff">
        <thead>
          <tr>
            <th scope="col">Field</th>
            {sides.map((side) => (
              <th scope="col" key={side}>
                {side === 'before' ? 'Before' : 'After'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((change) => (
            <tr
              key={change.field}
              className={change.changed ? 'diff__changed' : undefined}
              data-field={change.field}
            >
              <th scope="row">{change.field}</th>
              {sides.map((side) => (
                <td key={side} className={`diff__${side}`}>
                  {change[side]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {(hidden > 0 || showAll) && (
        <button type="button" className="button--link" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show only changed fields' : `Show ${hidden} unchanged field${hidden === 1 ? '' : 's'}`}
        </button>
      )}
    </>
  );
}

/** Every change, newest first (the server's order), filterable by object. */
export function AuditPage({
  objectType,
  objectName,
}: {
  readonly objectType: string;
  readonly objectName: string;
}) {
  const [type, setType] = useState(objectType);
  const [name, setName] = useState(objectName);
  const customers = useEnterpriseCustomers();
  const nameOf: CustomerName = (uuid) => customers.data?.find((c) => c.uuid === uuid)?.name ?? uuid;
  const audit = useQuery({
    queryKey: queryKeys.audit(objectType, objectName),
    queryFn: () => auditApi.list({ objectType, objectName }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(['audit'], { type, name: name.trim() });
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="toolbar" onSubmit={submit} aria-label="Filter the audit log">
        <Field label="Object type">
          {(control) => (
            <select {...control} value={type} onChange={(event) => setType(event.target.value)}>
              <option value="">Any</option>
              {OBJECT_TYPES.map((option) => (
                <option key={option} value={option}>
                  {option.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Object name">
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <button type="submit">Filter</button>
      </form>
      <ErrorMessage error={audit.error} />
      {audit.isPending ? (
        <p className="loading">Loading the audit log…</p>
      ) : (audit.data ?? []).length === 0 ? (
        <p className="empty">No changes recorded{objectName ? ` for ${objectName}` : ''}.</p>
      ) : (
        <ol className="audit-list" aria-label="Changes, newest first">
          {(audit.data ?? []).map((entry) => (
            <li key={entry.id} className="card audit-entry" data-testid="audit-entry">
              <p className="audit-entry__head">
                <strong>{entry.actor ?? 'system'}</strong> <span className="badge">{entry.action}</span>{' '}
                {entry.object_type.replaceAll('_', ' ')} <strong className="mono">{entry.object_name}</strong>
                <time className="muted" dateTime={entry.created}>
                  {entry.created ? new Date(entry.created).toLocaleString() : ''}
                </time>
              </p>
              <AuditDiff entry={entry} nameOf={nameOf} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
