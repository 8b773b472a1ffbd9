import type { FlagPayload } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';

/**
 * The default extractor: a body that carries `enterprise_features` (with
 * `enterprise_features_by_customer`, `enterprise_features_meta` and `waffle_switches` when
 * present) is its own payload, its switches read from `waffle_switches` only, so a host's own
 * `switches` field is never taken for ours; a `/waffle_status` body `{ flags, switches, samples }`
 * (told apart by its `switches`) is turned into one.
 *
 * @example
 * // A host API that nests its body one level down: reuse the default on the inner object.
 * const extract = (data: unknown) => extractFlags((data as { payload?: unknown } | null)?.payload);
 */
export function extractFlags(data: unknown): FlagPayload | undefined {
  if (!isObject(data)) return;
  if (isObject(data.enterprise_features)) return { ...data, switches: data.waffle_switches } as FlagPayload;
  // The store reads `{ name: { is_active } }` values as well as booleans.
  if (isObject(data.switches)) return { ...data, enterprise_features: data.flags } as FlagPayload;
}
