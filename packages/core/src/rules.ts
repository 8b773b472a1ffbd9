import { bucketFromEncodedSubject } from './bucket.js';
import type { CompiledFlag } from './compiled-flag.js';
import type { RequestFacts } from './request-facts.js';
import { readTestingMode } from './testing-mode.js';
import type { FlagEvaluation, FlagReason, TestingCookie } from './types.js';

/** What `explain` learns from the walk besides the value: the rule that decided, and its figures. */
interface Why {
  reason: FlagReason;
  bucket?: number;
  percent?: number;
  enterpriseCustomerUuid?: string;
  testingCookie?: TestingCookie;
}

/** Returns `value`, noting on `why` (when asked) that `reason` decided it. */
function decided(why: Why | null, reason: FlagReason, value: boolean): boolean {
  if (why !== null) why.reason = reason;
  return value;
}

function inAnyGroup(groups: readonly string[], listed: ReadonlySet<string>): boolean {
  for (let i = 0; i < groups.length; i++) if (listed.has(groups[i]!)) return true;
  return false;
}

/** For `explain`: which percentage applied, and the subject's bucket. */
function noteBucket(why: Why, flag: CompiledFlag, memberOf: string | null, bucket: number): void {
  why.bucket = bucket;
  if (memberOf === null) {
    why.reason = 'percent';
    why.percent = flag.percent!;
  } else {
    why.reason = 'enterprise_percent';
    why.percent = flag.source.enterprisePercentages![memberOf]!;
    why.enterpriseCustomerUuid = memberOf;
  }
}

/**
 * The evaluation order of a flag, as in DESIGN.md: the first rule that decides wins, and its
 * reason is noted on `why` when one is given. This is the only copy of the rules: `evaluate`,
 * `evaluateFlag` (explain, `isEnabled`) and `evaluateAll` (embedding) all run it; `compile` only
 * prepares each flag's inputs (sets, thresholds, the hash salt) for it.
 *
 * Rule 0's first half, an unknown flag, is decided by `evaluateFlag`: there is no flag to walk.
 */
function walkRules(flag: CompiledFlag, request: RequestFacts, why: Why | null): boolean {
  // 0. The server's override setting (off by default): `?<name>=1|0`.
  if (request.forced !== undefined) {
    const forced = request.forced[flag.name];
    if (forced !== undefined) return decided(why, 'override', forced === '1');
  }

  // 1. Everyone: true on, false off.
  if (flag.everyone !== null) return decided(why, 'everyone', flag.everyone);

  // 2. Testing mode: `?dwft_<name>`, else header `dwft-<name>`, else cookie `dwft_<name>`. A
  //    query or header value also sets the `dwft_<name>` cookie on the response.
  if (flag.testing !== null) {
    const decision = readTestingMode(flag.testing, request.ctx);
    if (decision !== undefined) {
      if (decision.cookie) {
        request.cookies?.push(decision.cookie);
        if (why !== null) why.testingCookie = decision.cookie;
      }
      return decided(why, 'testing', decision.value);
    }
  }

  // 3. Languages: the request language is listed (exact match).
  if (flag.languages !== null && request.language !== undefined && flag.languages.has(request.language))
    return decided(why, 'language', true);

  // 4. The user: no user object at all is off; authenticated, staff, superuser, listed user,
  //    listed group (Waffle's order) are on.
  const user = request.user;
  if (user === null) return decided(why, 'no_user', false);
  if (flag.authenticated && user.isAuthenticated) return decided(why, 'authenticated', true);
  if (flag.staff && user.isStaff) return decided(why, 'staff', true);
  if (flag.superusers && user.isSuperuser) return decided(why, 'superuser', true);
  // An anonymous visitor is never matched by an empty username.
  if (flag.users !== null && user.isAuthenticated && flag.users.has(user.username))
    return decided(why, 'user', true);
  if (flag.groups !== null && inAnyGroup(user.groups, flag.groups)) return decided(why, 'group', true);

  // 5. The enterprise override: the request names a customer the user is an active, linked member
  //    of, and the flag has a percentage for it; it replaces the global percentage (6).
  let threshold = flag.threshold;
  let memberOf: string | null = null;
  if (request.memberOf !== null && flag.enterpriseThresholds !== null) {
    const enterprise = flag.enterpriseThresholds.get(request.memberOf);
    if (enterprise !== undefined) {
      threshold = enterprise;
      memberOf = request.memberOf;
    }
  }

  // 7. Otherwise off (5 and 6 need a percentage row or a global percentage above 0).
  if (memberOf === null && flag.percent === null) return decided(why, 'default', false);

  // 5 and 6: on iff the subject's bucket is below the percentage; off with no subject to bucket.
  if (request.subjectLength < 0) return decided(why, 'no_subject', false);
  const bucket = bucketFromEncodedSubject(flag.salt, request.subjectLength);
  if (why !== null) noteBucket(why, flag, memberOf, bucket);
  return bucket < threshold;
}

/** The flag's value for the request. Builds no reason object: the embedding's path. */
export function decideValue(flag: CompiledFlag, request: RequestFacts): boolean {
  return walkRules(flag, request, null);
}

/** The flag's value with the rule that decided it: `explain`'s path. */
export function decideWithReason(flag: CompiledFlag, request: RequestFacts): FlagEvaluation {
  const why: Why = { reason: 'default' };
  const value = walkRules(flag, request, why);
  return { value, ...why };
}
