// Wire types of DESIGN.md's HTTP API. Keys are snake_case exactly as on the wire.

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly is_staff: boolean;
  readonly is_superuser: boolean;
  readonly language?: string | null;
  readonly groups?: readonly string[];
}

export interface Flag {
  readonly name: string;
  readonly everyone: boolean | null;
  readonly percent: number | null;
  readonly testing: boolean;
  readonly superusers: boolean;
  readonly staff: boolean;
  readonly authenticated: boolean;
  readonly languages: readonly string[];
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly rollout: boolean;
  readonly note: string;
  /** The flag sets it is in (a route that serves a set embeds only its flags). */
  readonly sets: readonly string[];
  readonly created: string;
  readonly modified: string;
  readonly version: number;
  /** Present on the detail response; list responses may carry it too. */
  readonly enterprise_percentages?: readonly EnterprisePercentage[];
}

export interface EnterprisePercentage {
  readonly enterprise_customer_uuid: string;
  readonly percent: number;
  /** Active, linked learners of the customer (optional: shown when the server sends it). */
  readonly linked_learners?: number;
  /** How many of them this percentage turns on (optional). */
  readonly learners_on?: number;
}

export interface FlagDetail extends Flag {
  readonly enterprise_percentages: readonly EnterprisePercentage[];
}

/** The editable fields of a flag (what POST takes and PATCH takes a part of). */
export interface FlagFields {
  name: string;
  everyone: boolean | null;
  percent: number | null;
  testing: boolean;
  superusers: boolean;
  staff: boolean;
  authenticated: boolean;
  languages: string[];
  users: string[];
  groups: string[];
  rollout: boolean;
  note: string;
  sets: string[];
}

export interface Switch {
  readonly name: string;
  readonly active: boolean;
  readonly note: string;
  readonly modified?: string;
  readonly version?: number;
}

export interface Sample {
  readonly name: string;
  readonly percent: number;
  readonly note: string;
  readonly modified?: string;
  readonly version?: number;
}

/** A named set of flags; its flags are listed by `GET /api/admin/flags?set=<name>`. */
export interface FlagSet {
  readonly name: string;
  readonly note: string;
  readonly modified?: string;
  readonly version?: number;
}

export interface AdminUser {
  readonly username: string;
  readonly email?: string | null;
  readonly is_staff: boolean;
  readonly is_superuser: boolean;
  readonly groups: readonly string[];
  readonly language?: string | null;
}

export interface Group {
  readonly name: string;
}

export interface EnterpriseCustomer {
  readonly uuid: string;
  readonly slug: string;
  readonly name: string;
  readonly active: boolean;
}

export interface EnterpriseLearner {
  readonly username: string;
  readonly active: boolean;
  readonly linked: boolean;
}

export type AuditValue = Readonly<Record<string, unknown>> | null;

export interface AuditEntry {
  readonly id: number | string;
  readonly actor: string | null;
  readonly action: string;
  readonly object_type: string;
  readonly object_name: string;
  readonly before: AuditValue;
  readonly after: AuditValue;
  /** ISO time of the change. */
  readonly created: string;
}

export type { ExplainResponse as Explanation } from '@waffle-kit/contract';
