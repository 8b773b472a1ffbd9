import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { PORTAL_FLAGS, PORTAL_SWITCHES } from '../app/flag-names.js';
import type { MockBackend } from './mock-backend.js';

/**
 * Mock mode only: flip what the mock backend answers. A change refetches the portal's queries,
 * so the new values arrive the way they would from the real server (inside its responses).
 */
export function MockFlagsPanel({ backend }: { backend: MockBackend }) {
  const client = useQueryClient();
  const fixtures = useSyncExternalStore(backend.fixtures.subscribe, backend.fixtures.get);
  const refetch = () => void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  return (
    <details className="panel mock-panel" open>
      <summary>Mock backend</summary>
      <p className="hint">
        Every request is answered in the browser by the MSW worker. Flip a value to change the next responses.
      </p>
      <fieldset>
        <legend>Flags (every enterprise)</legend>
        {PORTAL_FLAGS.map((name) => (
          <label key={name} className="toggle">
            <input
              type="checkbox"
              checked={fixtures.flags?.[name] === true}
              onChange={(event) => {
                backend.setFlag(name, event.target.checked);
                refetch();
              }}
            />
            <code>{name}</code>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Switches</legend>
        {PORTAL_SWITCHES.map((name) => (
          <label key={name} className="toggle">
            <input
              type="checkbox"
              checked={fixtures.switches?.[name] === true}
              onChange={(event) => {
                backend.setSwitch(name, event.target.checked);
                refetch();
              }}
            />
            <code>{name}</code>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
