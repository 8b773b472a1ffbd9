import { bucketOf, bucketThreshold } from './bucket.js';
import { requestLanguage } from './request-language.js';
import { readTestingMode, testingKeys } from './testing-mode.js';
import type { EvaluateOptions, EvaluationContext, Flag, FlagEvaluation } from './types.js';
import { matchUserRule } from './user-rules.js';

/**
 * Decides one flag for one request, walking the rules in the order of DESIGN.md; the first rule
 * that decides wins, and its name comes back as `reason`.
 *
 * This is the readable reference. `compile` + `evaluateAll` give the same answers faster.
 *
 * @example
 * evaluate(flag, { user, enterpriseCustomerUuid: acme.uuid });
 * // { value: true, reason: 'enterprise_percent', bucket: 212, percent: 30, enterpriseCustomerUuid: ... }
 */
export function evaluate(flag: Flag, ctx: EvaluationContext, options: EvaluateOptions = {}): FlagEvaluation {
  // 0. The server's override setting: `?<name>=1|0`.
  if (options.override) {
    const forced = ctx.query?.[flag.name];
    if (forced !== undefined) return { value: forced === '1', reason: 'override' };
  }

  // 1. Everyone.
  if (flag.everyone !== null) return { value: flag.everyone, reason: 'everyone' };

  // 2. Testing mode.
  if (flag.testing) {
    const decision = readTestingMode(testingKeys(flag.name), ctx);
    if (decision) {
      return decision.cookie
        ? { value: decision.value, reason: 'testing', testingCookie: decision.cookie }
        : { value: decision.value, reason: 'testing' };
    }
  }

  // 3. Languages.
  if (flag.languages.length > 0) {
    const language = requestLanguage(ctx);
    if (language !== undefined && flag.languages.includes(language))
      return { value: true, reason: 'language' };
  }

  // 4. The user.
  const user = ctx.user;
  if (!user) return { value: false, reason: 'no_user' };
  const userRule = matchUserRule(flag, user);
  if (userRule) return { value: true, reason: userRule };

  const subject = user.id !== null ? String(user.id) : ctx.anonymousId;

  // 5. The enterprise override, for an active linked member of the customer the request names.
  const uuid = ctx.enterpriseCustomerUuid;
  if (uuid && user.linkedEnterpriseCustomerUuids.includes(uuid)) {
    const percent = flag.enterprisePercentages?.[uuid];
    if (percent !== undefined) {
      if (!subject) return { value: false, reason: 'no_subject' };
      const bucket = bucketOf(flag.name, subject);
      return {
        value: bucket < bucketThreshold(percent),
        reason: 'enterprise_percent',
        bucket,
        percent,
        enterpriseCustomerUuid: uuid,
      };
    }
  }

  // 6. The global percentage.
  if (flag.percent !== null && flag.percent > 0) {
    if (!subject) return { value: false, reason: 'no_subject' };
    const bucket = bucketOf(flag.name, subject);
    return {
      value: bucket < bucketThreshold(flag.percent),
      reason: 'percent',
      bucket,
      percent: flag.percent,
    };
  }

  // 7. Nothing turned it on.
  return { value: false, reason: 'default' };
}
