import { type FlagName, useFlagSource, useFlags, useFlagsStatus, useSwitch } from '@waffle-kit/react';
import { PORTAL_SWITCHES } from '../app/flag-names.js';

function FlagRow({ name, value }: { name: string; value: boolean }) {
  // Names the server sends beyond the registered ones are shown too; the SDK reads any string.
  const source = useFlagSource(name as FlagName);
  return (
    <tr>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td>
        <span className={value ? 'pill on' : 'pill off'}>{value ? 'on' : 'off'}</span>
      </td>
      <td className={`source source-${source}`}>{source}</td>
    </tr>
  );
}

function SwitchRow({ name }: { name: (typeof PORTAL_SWITCHES)[number] }) {
  const value = useSwitch(name);
  return (
    <tr>
      <th scope="row">
        <code>{name}</code> <span className="muted">(switch)</span>
      </th>
      <td>
        <span className={value ? 'pill on' : 'pill off'}>{value ? 'on' : 'off'}</span>
      </td>
      <td className="source">{value ? 'server' : 'server (if sent)'}</td>
    </tr>
  );
}

/**
 * For developers: every flag in effect with its value and where it came from (server, defaults,
 * overrides), collapsed by default. `?feature=name` / `?feature=!name` add overrides.
 */
export function FlagsPanel() {
  const flags = useFlags();
  const { status, source, overrides } = useFlagsStatus();
  const names = Object.keys(flags).sort();
  const overrideCount = Object.keys(overrides).length;
  return (
    <details className="panel flags-panel">
      <summary>
        Flags in effect{' '}
        <span className="muted">({status === 'ready' ? `${names.length}, from ${source}` : status})</span>
      </summary>
      {status === 'error' && <p role="alert">The flags could not be loaded: showing defaults.</p>}
      <table>
        <caption className="visually-hidden">Flags in effect</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <FlagRow key={name} name={name} value={flags[name] ?? false} />
          ))}
          {PORTAL_SWITCHES.map((name) => (
            <SwitchRow key={name} name={name} />
          ))}
        </tbody>
      </table>
      <p className="hint">
        {overrideCount > 0 ? `${overrideCount} local override(s) active. ` : ''}
        Add <code>?feature=name</code> (on) or <code>?feature=!name</code> (off) to the address to override a
        flag in this tab; <code>?feature=</code> clears.
      </p>
    </details>
  );
}
