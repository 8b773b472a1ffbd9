export { BUCKETS, bucketOf, bucketThreshold } from './bucket.js';
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
export { defineFlag } from './define-flag.js';
export { describeEvaluation } from './describe.js';
export { evaluate } from './evaluate.js';
export { murmur3 } from './hash.js';
export { FLAG_NAME_PATTERN, isValidFlagName, isValidPercent } from './names.js';
export { requestLanguage } from './request-language.js';
export { testingKeys } from './testing-mode.js';
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
