import { bypass, type HttpHandler, type HttpResponseResolver, http } from 'msw';
import { endpointUrl } from './endpoints.js';
import { endpointHandlers } from './learner-portal-handlers.js';
import { type FlagsInput, withFlags } from './with-flags.js';

export interface PatchFlagsOptions {
  /** The backend's origin, e.g. `http://localhost:3000`; `'*'` (default) matches any origin. */
  baseUrl?: string;
  /** More paths (any method) whose JSON responses get the flags, e.g. `/api/courses`. */
  paths?: readonly string[];
}

/** Sends the request on to the real backend (MSW's `bypass`, so these handlers do not see it again). */
const passthrough: HttpResponseResolver = ({ request }) => fetch(bypass(request));

/**
 * Handlers that let requests through to the real backend and patch `flags` into its responses:
 * work against a real server with the flags you choose. The flag-carrying endpoints are patched,
 * plus any `paths` you list; error responses pass through unchanged.
 *
 * @example
 * // Browser, against the real backend, with the new dashboard forced on.
 * const worker = setupWorker(...patchFlags({ 'enterprise.dashboard_v2': true }));
 * await worker.start({ onUnhandledRequest: 'bypass' });
 */
export function patchFlags(flags: FlagsInput, options: PatchFlagsOptions = {}): HttpHandler[] {
  const patched = withFlags(flags, passthrough);
  return [
    ...endpointHandlers(
      { enterpriseLearner: patched, learnerDashboard: patched, waffleStatus: patched },
      options.baseUrl,
    ),
    ...(options.paths ?? []).map((path) => http.all(endpointUrl(path, options.baseUrl), patched)),
  ];
}
