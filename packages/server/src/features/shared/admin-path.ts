import { ADMIN_PREFIX, type ApiPath, below } from '@waffle-kit/contract/routes';

/** A contract path as the admin router (mounted at `ADMIN_PREFIX`) registers it. */
export function adminPath(path: ApiPath): string {
  return below(ADMIN_PREFIX, path);
}
