import type { WaffleStatusItems, WaffleStatusResponse } from '@waffle-kit/contract';
import type { FlagValues, ResolvedFixtures } from '../fixtures/fixture-types.js';
import { embeddedFlags } from './flag-fields.js';
import { type MockResponse, notAuthenticated, notLinked } from './mock-response.js';

/** The time every mocked flag, switch and sample was last modified. */
export const FIXTURE_LAST_MODIFIED = '2026-01-01T00:00:00.000Z';

const items = (values: FlagValues): WaffleStatusItems =>
  Object.fromEntries(
    Object.entries(values).map(([name, isActive]) => [
      name,
      { is_active: isActive, last_modified: FIXTURE_LAST_MODIFIED },
    ]),
  );

/**
 * `GET /waffle_status` (`?enterprise_customer_uuid=`, `?set=a,b`) as the server answers it:
 * Waffle's `{ flags, switches, samples }` plus the embedded `enterprise_features` and its meta.
 * Anonymous visitors get the global evaluation; naming a customer needs a user linked to it.
 * `?set=` serves those flag sets instead of the fixtures' `set`.
 */
export function waffleStatusResponse(
  fixtures: ResolvedFixtures,
  url: URL,
  now = Date.now(),
): MockResponse<WaffleStatusResponse> {
  const uuid = url.searchParams.get('enterprise_customer_uuid') || null;
  if (uuid) {
    if (!fixtures.user) return notAuthenticated();
    if (!fixtures.enterprises.some((e) => e.uuid === uuid && e.linkActive)) return notLinked();
  }
  const setQuery = url.searchParams.get('set');
  const set = setQuery === null ? fixtures.set : setQuery.split(',');
  const embedded = embeddedFlags(fixtures, uuid, now, set);
  return {
    status: 200,
    headers: { 'cache-control': 'private, no-store' },
    body: {
      flags: items(embedded.enterprise_features),
      switches: items(fixtures.switches),
      samples: items(fixtures.samples),
      ...embedded,
    },
  };
}
