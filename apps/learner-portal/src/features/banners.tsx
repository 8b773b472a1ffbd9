import { useFlag, useSwitch } from '@waffle-kit/react';
import { useState } from 'react';
import type { SessionUser } from '../api/learner-api.js';

/**
 * Banners above the page:
 * - `enterprise.maintenance_banner` (a switch: on or off for everyone, no user rules), read with
 *   `useSwitch`: every response that carries flags also carries `waffle_switches`.
 * - `enterprise.signed_in_banner` (a flag: on for signed-in users in the demo seed): a dismissible
 *   "what's new" note.
 */
export function Banners({ user }: { user: SessionUser }) {
  const maintenance = useSwitch('enterprise.maintenance_banner');
  const whatsNew = useFlag('enterprise.signed_in_banner');
  const [dismissed, setDismissed] = useState(false);
  return (
    <>
      {maintenance && (
        <div className="banner warning" role="status">
          <strong>Scheduled maintenance:</strong> the portal may be slow on Saturday between 02:00 and 04:00
          UTC.
        </div>
      )}
      {whatsNew && !dismissed && (
        <div className="banner info" role="status">
          <span>
            <strong>New this term, {user.username}:</strong> track your progress across all your enterprises.
          </span>
          <button type="button" className="button subtle" onClick={() => setDismissed(true)}>
            Dismiss<span className="visually-hidden"> the what's new banner</span>
          </button>
        </div>
      )}
    </>
  );
}
