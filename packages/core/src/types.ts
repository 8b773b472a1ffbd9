/**
 * A Waffle flag: the rules that decide whether it is on for a request.
 * Field names follow django-waffle's `Flag` model (and the Flag JSON of the HTTP API).
 */
export interface Flag {
  /** Unique, 1-100 characters of `[A-Za-z0-9_.-]`. */
  readonly name: string;
  /** `true`: on for everybody; `false`: off for everybody; `null`: the other rules decide. */
  readonly everyone: boolean | null;
  /** Global percentage of subjects that get the flag, 0.0-100.0 (one decimal), or null. */
  readonly percent: number | null;
  /** Testing mode: `dwft_<name>` in the query, header or cookie decides. */
  readonly testing: boolean;
  /** On for superusers. Waffle's default is `true`. */
  readonly superusers: boolean;
  readonly staff: boolean;
  readonly authenticated: boolean;
  /** Language codes, matched exactly against the request language. */
  readonly languages: readonly string[];
  /** Usernames the flag is on for. */
  readonly users: readonly string[];
  /** Group names whose members get the flag. */
  readonly groups: readonly string[];
  /** Kept for import compatibility with Waffle only; it changes nothing here. */
  readonly rollout: boolean;
  /**
   * Per-enterprise-customer percentages, keyed by customer uuid (the ADR's
   * `EnterpriseWaffleFlagPercentage` rows of this flag). For a linked member of that customer
   * they replace `percent`.
   */
  readonly enterprisePercentages?: Readonly<Record<string, number>>;
}

/** A switch is on or off for everybody; it knows no user and no request. */
export interface Switch {
  readonly name: string;
  readonly active: boolean;
}

/** A sample is on for `percent`% of evaluations, drawn afresh every time. */
export interface Sample {
  readonly name: string;
  readonly percent: number;
}

/** One row of per-enterprise percentage, as stored. */
export interface EnterpriseFlagPercentage {
  readonly flag: string;
  readonly enterpriseCustomerUuid: string;
  readonly percent: number;
}

/** All flag state at one moment; the input of `compile`. */
export interface FlagSnapshot {
  readonly flags: readonly Flag[];
  readonly switches?: readonly Switch[];
  readonly samples?: readonly Sample[];
}

/** The user a request is made for. An anonymous visitor is a user with `isAuthenticated: false`. */
export interface FlagUser {
  /** The stable user id: the bucketing subject of an authenticated user. `null` when anonymous. */
  readonly id: string | number | null;
  readonly username: string;
  readonly isAuthenticated: boolean;
  readonly isStaff: boolean;
  readonly isSuperuser: boolean;
  /** Names of the groups the user belongs to. */
  readonly groups: readonly string[];
  /** The user's preferred language, if set; it beats `Accept-Language`. */
  readonly language?: string | null;
  /** Uuids of the enterprise customers the user is an *active, linked* member of. */
  readonly linkedEnterpriseCustomerUuids: readonly string[];
}

type StringMap = Readonly<Record<string, string | undefined>>;

/**
 * Everything about a request that evaluation reads, as plain data. The server builds it from the
 * request; evaluation never sees the request itself.
 */
export interface EvaluationContext {
  /** `null` or absent: no user object at all (e.g. a server-to-server call without one). */
  readonly user?: FlagUser | null;
  /** Bucketing subject of an anonymous user, kept in a long-lived cookie by the server. */
  readonly anonymousId?: string | null;
  /** The request language; when absent, the user's language, else the first `Accept-Language` tag. */
  readonly language?: string | null;
  /** Query string parameters (first value of each). */
  readonly query?: StringMap;
  /** Request headers with lower-case names. */
  readonly headers?: StringMap;
  readonly cookies?: StringMap;
  /** The enterprise customer the request is about, if any. */
  readonly enterpriseCustomerUuid?: string | null;
}

/** The rule that decided a flag, in evaluation order. */
export type FlagReason =
  | 'unknown'
  | 'override'
  | 'everyone'
  | 'testing'
  | 'language'
  | 'no_user'
  | 'authenticated'
  | 'staff'
  | 'superuser'
  | 'user'
  | 'group'
  | 'enterprise_percent'
  | 'percent'
  | 'no_subject'
  | 'default';

/** A cookie the server must set on the response: testing mode remembers a query or header value. */
export interface TestingCookie {
  readonly name: string;
  readonly value: 'True' | 'False';
}

export interface FlagEvaluation {
  readonly value: boolean;
  readonly reason: FlagReason;
  /** For `percent` and `enterprise_percent`: the subject's bucket, 0-999. */
  readonly bucket?: number;
  /** For `percent` and `enterprise_percent`: the percentage that applied. */
  readonly percent?: number;
  /** For `enterprise_percent`: whose percentage applied. */
  readonly enterpriseCustomerUuid?: string;
  /** For `testing` from a query or header: the session cookie to set. */
  readonly testingCookie?: TestingCookie;
}

export interface EvaluateOptions {
  /** Waffle's `WAFFLE_OVERRIDE`: `?<name>=1|0` decides a known flag. Off by default. */
  readonly override?: boolean;
}
