export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorResponse,
  errorCodeSchema,
  errorResponseSchema,
} from './errors.js';
export { type ExplainResponse, explainResponseSchema } from './explain.js';
export {
  customerUuidSchema,
  type EnterpriseFeatures,
  type EnterpriseFeaturesMeta,
  enterpriseFeaturesByCustomerSchema,
  enterpriseFeaturesMetaSchema,
  enterpriseFeaturesSchema,
  flagNameSchema,
  waffleSwitchesSchema,
} from './flag-fields.js';
export {
  type EnterpriseCourseEnrollment,
  type EnterpriseCustomer,
  type EnterpriseCustomerUser,
  type EnterpriseLearnerResponse,
  enterpriseCourseEnrollmentSchema,
  enterpriseCustomerSchema,
  enterpriseCustomerUserSchema,
  enterpriseLearnerResponseSchema,
  type LearnerDashboardResponse,
  learnerDashboardResponseSchema,
} from './learner-schemas.js';
export { NOTE_MAX_LENGTH, nameSchema, noteSchema, percentSchema, UUID_PATTERN, uuidSchema } from './rules.js';
export {
  type WaffleStatusItems,
  type WaffleStatusResponse,
  waffleStatusItemsSchema,
  waffleStatusResponseSchema,
} from './waffle-status-schema.js';
