import type { DefaultBodyType, HttpResponseResolver, PathParams } from 'msw';
import type { FlagValues } from '../fixtures/fixture-types.js';
import { patchResponseFlags } from './patch-flag-fields.js';

/** Flag values, or a function read on every response. */
export type FlagsInput = FlagValues | (() => FlagValues);

/**
 * A higher-order resolver: runs `resolver`, then adds `flags` to the `enterprise_features` of its
 * JSON object response (overriding values it carries, per customer too) with a fresh
 * `enterprise_features_meta`. Anything else it returns (an error status, a network error, a
 * non-JSON body, nothing) passes through untouched.
 *
 * @example
 * // One test: the app's own endpoint answers as usual, but with the new dashboard on.
 * server.use(
 *   http.get('https://api.example.com/api/courses', withFlags({ 'enterprise.dashboard_v2': true }, () =>
 *     HttpResponse.json({ results: [] }),
 *   )),
 * );
 */
export function withFlags<
  Params extends PathParams<keyof Params> = PathParams,
  RequestBody extends DefaultBodyType = DefaultBodyType,
  ResponseBody extends DefaultBodyType = DefaultBodyType,
>(
  flags: FlagsInput,
  resolver: HttpResponseResolver<Params, RequestBody, ResponseBody>,
): HttpResponseResolver<Params, RequestBody, ResponseBody> {
  return async (info) => {
    const result = await resolver(info);
    if (!(result instanceof Response)) return result;
    // The patched body is no longer typed as ResponseBody; it is the same JSON with more fields.
    return (await patchResponseFlags(result, typeof flags === 'function' ? flags() : flags)) as typeof result;
  };
}
