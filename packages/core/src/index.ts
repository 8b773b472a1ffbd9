/**
 * `@waffle-kit/core`: the evaluation engine's public API. The hash (`murmur3`), the testing-mode
 * keys and the request-language rule stay inside: `bucketOf` is the published contract, and the
 * hash is standard MurmurHash3 (README: algorithm and test vectors for other languages).
 */
export { ANONYMOUS_USER } from './anonymous-user.js';
export { bucketOf, bucketThreshold } from './bucket.js';
export {
  type CompiledSnapshot,
  type CompileOptions,
  compile,
  evaluateAll,
  evaluateFlag,
  evaluateSwitches,
  sampleIsActive,
  switchIsActive,
} from './compile.js';
export { defineFlag, FLAG_DEFAULTS } from './define-flag.js';
export { describeEvaluation } from './describe.js';
export { evaluate } from './evaluate.js';
export { FLAG_NAME_PATTERN, isValidFlagName, isValidPercent } from './names.js';
export type {
  EnterpriseFlagPercentage,
  EvaluateOptions,
  EvaluationContext,
  Flag,
  FlagEvaluation,
  FlagReason,
  FlagSnapshot,
  FlagUser,
  Sample,
  Switch,
  TestingCookie,
} from './types.js';
export { isActiveForUser, type UserRule } from './user-rules.js';
