export { ApiError, type ApiErrorBody, apiRequest, readCookie } from '@waffle-kit/contract/client';
export {
  auditApi,
  authApi,
  directoryApi,
  enterprisesApi,
  flagsApi,
  queryKeys,
  samplesApi,
  switchesApi,
} from './admin-api.js';
export type * from './types.js';
