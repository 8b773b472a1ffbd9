export {
  customerUuidSchema,
  type EnterpriseFeatures,
  type EnterpriseFeaturesMeta,
  type ErrorResponse,
  enterpriseFeaturesByCustomerSchema,
  enterpriseFeaturesMetaSchema,
  enterpriseFeaturesSchema,
  errorResponseSchema,
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
export {
  type WaffleStatusItems,
  type WaffleStatusResponse,
  waffleStatusItemsSchema,
  waffleStatusResponseSchema,
} from './waffle-status-schema.js';
