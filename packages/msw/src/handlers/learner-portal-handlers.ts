import { type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import type { FixturesInput, LearnerPortalFixtures } from '../fixtures/fixture-types.js';
import { resolveFixtures } from '../fixtures/resolve-fixtures.js';
import { enterpriseLearnerResponse, learnerDashboardResponse } from '../payloads/learner-payloads.js';
import type { MockResponse } from '../payloads/mock-response.js';
import { waffleStatusResponse } from '../payloads/waffle-status-payload.js';
import { ENDPOINTS, type EndpointName, endpointUrl } from './endpoints.js';

/** A resolver for each flag-carrying endpoint. */
export type LearnerPortalResolvers = Record<EndpointName, HttpResponseResolver>;

/** Turns a mocked answer into a JSON response. */
export function jsonResponse(answer: MockResponse): HttpResponse<never> {
  return HttpResponse.json(answer.body as never, { status: answer.status, headers: answer.headers });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function reader(input: FixturesInput): () => LearnerPortalFixtures {
  if (typeof input === 'function') return input;
  resolveFixtures(input); // a fixture mistake fails where the handlers are made, with its message
  return () => input;
}

/** The resolvers behind `learnerPortalHandlers`, for wrapping (see `flagScenarios`). */
export function learnerPortalResolvers(input: FixturesInput = {}): LearnerPortalResolvers {
  const read = reader(input);
  const fixtures = () => resolveFixtures(read());
  return {
    enterpriseLearner: ({ request }) =>
      jsonResponse(enterpriseLearnerResponse(fixtures(), new URL(request.url))),
    learnerDashboard: async ({ request }) =>
      jsonResponse(learnerDashboardResponse(fixtures(), await readJson(request))),
    waffleStatus: ({ request }) => jsonResponse(waffleStatusResponse(fixtures(), new URL(request.url))),
  };
}

/** Builds one handler per endpoint, at `baseUrl`, from a resolver per endpoint. */
export function endpointHandlers(resolvers: LearnerPortalResolvers, baseUrl?: string): HttpHandler[] {
  return [
    http.get(endpointUrl(ENDPOINTS.enterpriseLearner, baseUrl), resolvers.enterpriseLearner),
    http.post(endpointUrl(ENDPOINTS.learnerDashboard, baseUrl), resolvers.learnerDashboard),
    http.get(endpointUrl(ENDPOINTS.waffleStatus, baseUrl), resolvers.waffleStatus),
  ];
}

/** `baseUrl` of the fixtures (read once). */
export function baseUrlOf(input: FixturesInput = {}): string | undefined {
  return (typeof input === 'function' ? input() : input).baseUrl;
}

/**
 * MSW handlers for the three endpoints that carry flags, answering exactly as the waffle-kit
 * server does (the contract test checks both against the same schemas):
 * `GET /enterprise/api/v1/enterprise-learner/`, `POST /api/v1/bffs/learner/dashboard/` and
 * `GET /waffle_status`, with `enterprise_features` and `enterprise_features_meta` built from your
 * fixtures. Unset fixtures fall back to the demo data (alice, linked to Acme and Bluebird).
 *
 * Pass a function instead of an object to change the answers while the app runs (it is read on
 * every request); then refetch, e.g. `queryClient.invalidateQueries()`.
 *
 * @example
 * const server = setupServer(
 *   ...learnerPortalHandlers({
 *     flags: { 'enterprise.dashboard_v2': false },
 *     flagsByCustomer: { acme: { 'enterprise.dashboard_v2': true } },
 *   }),
 * );
 */
export function learnerPortalHandlers(fixtures: FixturesInput = {}): HttpHandler[] {
  return endpointHandlers(learnerPortalResolvers(fixtures), baseUrlOf(fixtures));
}
