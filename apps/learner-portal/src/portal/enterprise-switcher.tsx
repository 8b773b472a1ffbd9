import type { EnterpriseCustomer } from '../api/learner-api.js';
import { enterprisePath, navigate } from '../app/route.js';

export interface EnterpriseSwitcherProps {
  readonly enterprises: readonly EnterpriseCustomer[];
  readonly active: EnterpriseCustomer | null;
}

/**
 * For learners linked to several enterprises: a labelled select that moves to `/:slug/`.
 * With one enterprise there is nothing to switch, so nothing shows.
 */
export function EnterpriseSwitcher({ enterprises, active }: EnterpriseSwitcherProps) {
  if (enterprises.length < 2) return null;
  return (
    <div className="switcher">
      <label htmlFor="enterprise-switcher">Enterprise</label>
      <select
        id="enterprise-switcher"
        value={active?.slug ?? ''}
        onChange={(event) => navigate(enterprisePath(event.target.value))}
      >
        {active === null && <option value="">Choose…</option>}
        {enterprises.map((enterprise) => (
          <option key={enterprise.uuid} value={enterprise.slug}>
            {enterprise.name}
          </option>
        ))}
      </select>
    </div>
  );
}
