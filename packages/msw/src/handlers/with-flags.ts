import type { DefaultBodyType, HttpResponseResolver, PathParams } from 'msw';
import type { FlagValues, LearnerPortalFixtures } from '../fixtures/fixture-types.js';
import { flagsInSets, servedSets } from '../fixtures/flag-sets.js';
import { patchResponseFlags } from './patch-flag-fields.js';

/** Flag values, or a function read on every response. */
export type FlagsInput = FlagValues | (() => FlagValues);

/**
 * The route serves flag sets, as a host route of the server's with `send(req, res, body, { sets })`:
 * only the flags of `set` are added (`sets` and `set` mean what they mean in the fixtures).
 */
export type WithFlagsOptions = Pick<LearnerPortalFixtures, 'sets' | 'set'>;

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
 * // A route that serves the learner-portal set: only that set's flags are added.
 * withFlags(flags, resolver, { sets: { 'learner-portal': ['enterprise.dashboard_v2'] }, set: 'learner-portal' });
 */
export function withFlags<
  Params extends PathParams<keyof Params> = PathParams,
  RequestBody extends DefaultBodyType = DefaultBodyType,
  ResponseBody extends DefaultBodyType = DefaultBodyType,
>(
  flags: FlagsInput,
  resolver: HttpResponseResolver<Params, RequestBody, ResponseBody>,
  options: WithFlagsOptions = {},
): HttpResponseResolver<Params, RequestBody, ResponseBody> {
  return async (info) => {
    const result = await resolver(info);
    if (!(result instanceof Response)) return result;
    const values = typeof flags === 'function' ? flags() : flags;
    const served = flagsInSets(values, options.sets ?? {}, servedSets(options.set));
    // The patched body is no longer typed as ResponseBody; it is the same JSON with more fields.
    return (await patchResponseFlags(result, served)) as typeof result;
  };
}
