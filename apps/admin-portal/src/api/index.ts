export { ApiError, type ApiErrorBody, apiRequest, readCookie } from '@waffle-kit/contract/client';
export {
  auditApi,
  authApi,
  directoryApi,
  enterprisesApi,
  type FlagSetBulk,
  flagSetsApi,
  flagsApi,
  queryKeys,
  samplesApi,
  switchesApi,
} from './admin-api.js';
export type * from './types.js';
