import { encodeSubject } from './hash.js';
import { requestLanguage } from './request-language.js';
import type { EvaluationContext, FlagUser, TestingCookie } from './types.js';

/** What the rules read about one request, worked out once for all the flags evaluated for it. */
export interface RequestFacts {
  readonly ctx: EvaluationContext;
  readonly user: FlagUser | null;
  /** The customer the request names, when the user is an active, linked member of it; else null. */
  readonly memberOf: string | null;
  readonly language: string | undefined;
  /** The query when the override setting is on (`?<name>=1|0` decides), else undefined. */
  readonly forced: EvaluationContext['query'];
  /**
   * The byte count of the subject (user id, else anonymous id) last encoded by `encodeSubject`,
   * or -1 when there is no subject or no flag buckets.
   */
  readonly subjectLength: number;
  /** Where testing mode puts the cookies the response must set; undefined when nobody asks. */
  readonly cookies: TestingCookie[] | undefined;
}

/** Which facts the flags about to be evaluated need, so that the others cost nothing. */
export interface FactsNeeded {
  readonly usesBuckets: boolean;
  readonly usesLanguages: boolean;
  /** The server's override setting: whether `?<name>=1|0` decides. */
  readonly override: boolean;
}

/** The bucketing subject: the user id, else the anonymous id; null when there is neither. */
function subjectOf(user: FlagUser | null, ctx: EvaluationContext): string | null {
  if (user === null) return null;
  const subject = user.id !== null ? String(user.id) : ctx.anonymousId;
  return subject ? subject : null;
}

export function readRequestFacts(
  ctx: EvaluationContext,
  needed: FactsNeeded,
  cookies?: TestingCookie[],
): RequestFacts {
  const user = ctx.user ?? null;
  const uuid = ctx.enterpriseCustomerUuid;
  const subject = needed.usesBuckets ? subjectOf(user, ctx) : null;
  return {
    ctx,
    user,
    memberOf: user !== null && uuid && user.linkedEnterpriseCustomerUuids.includes(uuid) ? uuid : null,
    language: needed.usesLanguages ? requestLanguage(ctx) : undefined,
    forced: needed.override ? ctx.query : undefined,
    // Encoded once per request and hashed against each flag's salt.
    subjectLength: subject === null ? -1 : encodeSubject(subject),
    cookies,
  };
}
