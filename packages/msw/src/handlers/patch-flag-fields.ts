import type { EnterpriseFeaturesMeta } from '@waffle-kit/contract';
import type { FlagValues } from '../fixtures/fixture-types.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Adds `flags` to a response body, over any values it carries: `enterprise_features`, every
 * customer in `enterprise_features_by_customer`, and a `/waffle_status` body's `flags`. The meta
 * is stamped fresh (later than the body's own, so the SDK takes these values as the newest);
 * its user and customer stay those of the body.
 */
export function patchFlagFields(
  body: Record<string, unknown>,
  flags: FlagValues,
  now = Date.now(),
): Record<string, unknown> {
  const patched: Record<string, unknown> = { ...body };
  const features = isPlainObject(body.enterprise_features) ? body.enterprise_features : {};
  patched.enterprise_features = { ...features, ...flags };
  if (isPlainObject(body.enterprise_features_by_customer)) {
    patched.enterprise_features_by_customer = Object.fromEntries(
      Object.entries(body.enterprise_features_by_customer).map(([uuid, values]) => [
        uuid,
        { ...(isPlainObject(values) ? values : {}), ...flags },
      ]),
    );
  }
  if (isPlainObject(body.flags) && isPlainObject(body.switches)) {
    const items = { ...body.flags };
    for (const [name, isActive] of Object.entries(flags)) {
      const item = items[name];
      const lastModified = isPlainObject(item) ? (item.last_modified ?? null) : null;
      items[name] = { is_active: isActive, last_modified: lastModified };
    }
    patched.flags = items;
  }
  const meta = isPlainObject(body.enterprise_features_meta)
    ? (body.enterprise_features_meta as Partial<EnterpriseFeaturesMeta>)
    : {};
  const fresh: EnterpriseFeaturesMeta = {
    version: typeof meta.version === 'number' ? meta.version : 0,
    evaluated_at: Math.max(now, typeof meta.evaluated_at === 'number' ? meta.evaluated_at + 1 : 0),
    username: meta.username ?? null,
    enterprise_customer_uuid: meta.enterprise_customer_uuid ?? null,
  };
  patched.enterprise_features_meta = fresh;
  return patched;
}

/**
 * `response` with `flags` patched into its JSON object body; any other response (an error
 * status, a network error, not JSON, a JSON array) is returned as it is.
 */
export async function patchResponseFlags(response: Response, flags: FlagValues): Promise<Response> {
  if (response.type === 'error' || response.status < 200 || response.status >= 400) return response;
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return response;
  let body: unknown;
  try {
    body = await response.clone().json();
  } catch {
    return response;
  }
  if (!isPlainObject(body)) return response;
  const headers = new Headers(response.headers);
  // The new body is plain text of another length (fetch has already decoded any compression).
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(JSON.stringify(patchFlagFields(body, flags)), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
