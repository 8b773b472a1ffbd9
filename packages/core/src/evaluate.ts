import { compileFlag } from './compiled-flag.js';
import { readRequestFacts } from './request-facts.js';
import { decideWithReason } from './rules.js';
import type { EvaluateOptions, EvaluationContext, Flag, FlagEvaluation } from './types.js';

/**
 * Decides one flag for one request by walking the rules of `rules.ts` in the order of DESIGN.md;
 * the first rule that decides wins, and its name comes back as `reason`.
 *
 * It compiles the flag on every call: to evaluate many requests, `compile` once and use
 * `evaluateFlag` or `evaluateAll`, which walk the same rules.
 *
 * @example
 * evaluate(flag, { user, enterpriseCustomerUuid: acme.uuid });
 * // { value: true, reason: 'enterprise_percent', bucket: 212, percent: 30, enterpriseCustomerUuid: ... }
 */
export function evaluate(flag: Flag, ctx: EvaluationContext, options: EvaluateOptions = {}): FlagEvaluation {
  const compiled = compileFlag(flag, options);
  return decideWithReason(compiled, readRequestFacts(ctx, compiled));
}
