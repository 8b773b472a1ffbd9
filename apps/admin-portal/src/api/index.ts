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
export { ApiError, type ApiErrorBody, apiRequest, readCookie } from './http.js';
export type * from './types.js';
