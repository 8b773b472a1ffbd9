import type { EnterpriseFeaturesMeta } from '@waffle-kit/contract';
/**
 * Augment this interface to type flag, switch and sample names:
 *
 * @example
 * declare module '@waffle-kit/react' {
 *   interface Register {
 *     flags: 'enterprise.dashboard_v2' | 'enterprise.search';
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the host app through interface merging
export interface Register {}

type NamesOf<K extends string> =
  Register extends Record<K, infer N> ? (N extends string ? N : keyof N & string) : string;

/** A flag name: any string, or the registered names once `Register['flags']` is declared. */
export type FlagName = NamesOf<'flags'>;
/** A switch name: any string, or the registered names once `Register['switches']` is declared. */
export type SwitchName = NamesOf<'switches'>;
/** A sample name: any string, or the registered names once `Register['samples']` is declared. */
export type SampleName = NamesOf<'samples'>;

/** `{ [name]: boolean }`, keys exactly as stored on the server. */
export type FlagValues = Record<string, boolean>;

/** Values as responses carry them: booleans, or `{ is_active }` objects as `/waffle_status` has them. */
export type WireValues = Record<string, boolean | { is_active: boolean }>;

/** `enterprise_features_meta`, stamped by the server next to `enterprise_features` (the contract's). */
export type FlagMeta = EnterpriseFeaturesMeta;

/**
 * What an extractor finds in one query's data: the wire format's fields (a body that carries
 * `enterprise_features` is its own payload), plus switches and samples from `/waffle_status`.
 */
export interface FlagPayload {
  /** Flag values: global, or for `enterprise_features_meta.enterprise_customer_uuid` when set. */
  enterprise_features?: WireValues;
  /** Flag values evaluated for each linked enterprise customer, by customer uuid. */
  enterprise_features_by_customer?: Record<string, WireValues>;
  enterprise_features_meta?: FlagMeta;
  switches?: WireValues;
  samples?: WireValues;
}

/** Turns one query's data into the flags it carries, or undefined when it carries none. */
export type FlagExtractor = (data: unknown) => FlagPayload | undefined;

/**
 * Where values come from, named after the input that gave them: the local `overrides`
 * (`?feature=`), a `server` response, the provider's `bootstrap` or its `defaults`. For one flag
 * (`useFlagSource`) the input its value came from; for all of them (`useFlagsStatus().source`)
 * `overrides` when any override is active, else `server` once a response carried flags, else
 * `bootstrap` or `defaults`.
 */
export type FlagSource = 'overrides' | 'server' | 'bootstrap' | 'defaults';

export interface FlagsStatus {
  /** `ready` once values are known; `error` when queries failed and nothing is known yet. */
  status: 'loading' | 'ready' | 'error';
  source: FlagSource;
  /** The active local overrides (`?feature=name`, `?feature=!name`). */
  overrides: Readonly<FlagValues>;
}
