import { delay, type HttpHandler, HttpResponse, type HttpResponseResolver } from 'msw';
import type { FlagValues, LearnerPortalFixtures } from '../fixtures/fixture-types.js';
import {
  endpointHandlers,
  type LearnerPortalResolvers,
  learnerPortalResolvers,
} from './learner-portal-handlers.js';

const FLAG_KEYS = [
  'enterprise_features',
  'enterprise_features_by_customer',
  'enterprise_features_meta',
  'waffle_switches',
];

/** Applies one wrapper to the resolver of every flag-carrying endpoint. */
function wrapAll(
  resolvers: LearnerPortalResolvers,
  wrap: (resolver: HttpResponseResolver) => HttpResponseResolver,
): LearnerPortalResolvers {
  return {
    enterpriseLearner: wrap(resolvers.enterpriseLearner),
    learnerDashboard: wrap(resolvers.learnerDashboard),
    waffleStatus: wrap(resolvers.waffleStatus),
  };
}

/** The usual answers from `fixtures`, each passed through `wrap`. */
function scenario(
  fixtures: LearnerPortalFixtures,
  wrap: (resolver: HttpResponseResolver) => HttpResponseResolver,
): HttpHandler[] {
  return endpointHandlers(wrapAll(learnerPortalResolvers(fixtures), wrap), fixtures.baseUrl);
}

/** One answer for every flag-carrying endpoint. */
function everyEndpoint(answer: HttpResponseResolver, baseUrl: string | undefined): HttpHandler[] {
  return endpointHandlers(
    { enterpriseLearner: answer, learnerDashboard: answer, waffleStatus: answer },
    baseUrl,
  );
}

/** Where the API lives, for the scenarios that answer without fixtures. */
export interface ScenarioOptions {
  /** As `LearnerPortalFixtures.baseUrl`: `'*'` (default) matches any origin. */
  baseUrl?: string;
}

export interface OutOfOrderOptions extends LearnerPortalFixtures {
  /** The values of the older evaluation, which arrives last. */
  stale: FlagValues;
  /** The values of the newer evaluation (one snapshot version later), which arrives first. */
  fresh: FlagValues;
  /** How long the stale answer is held back. Default 50 ms. */
  delayMs?: number;
}

/**
 * Failure scenarios to test an app (and the SDK) against: each returns handlers for the three
 * flag-carrying endpoints, to `server.use(...)` in one test. With any of them `useFlag` keeps
 * answering (defaults, or the newest good values) and nothing throws.
 *
 * @example
 * server.use(...flagScenarios.serverError());
 */
export const flagScenarios = {
  /** Normal responses without `enterprise_features` (and its meta), e.g. an old backend. */
  missingKey(fixtures: LearnerPortalFixtures = {}): HttpHandler[] {
    return scenario(fixtures, (resolver) => async (info) => {
      const response = await resolver(info);
      if (!(response instanceof Response)) return response;
      const body = (await response.json()) as Record<string, unknown>;
      for (const key of FLAG_KEYS) delete body[key];
      if ('switches' in body) delete body.flags; // /waffle_status: its flags are flag values too
      return HttpResponse.json(body, { status: response.status });
    });
  },

  /** Every flag-carrying endpoint answers `status` (default 500) with the server's error body. */
  serverError(options: ScenarioOptions & { status?: number } = {}): HttpHandler[] {
    const status = options.status ?? 500;
    const answer: HttpResponseResolver = () =>
      HttpResponse.json(
        { error: { code: 'internal_error', message: 'Something went wrong on the server.' } },
        { status },
      );
    return everyEndpoint(answer, options.baseUrl);
  },

  /** Every flag-carrying request fails as if the network were down (`fetch` rejects). */
  networkError(options: ScenarioOptions = {}): HttpHandler[] {
    const answer: HttpResponseResolver = () => HttpResponse.error();
    return everyEndpoint(answer, options.baseUrl);
  },

  /** The usual answers from `fixtures`, each `ms` milliseconds late. */
  slow(ms: number, fixtures: LearnerPortalFixtures = {}): HttpHandler[] {
    return scenario(fixtures, (resolver) => async (info) => {
      await delay(ms);
      return resolver(info);
    });
  },

  /**
   * An older answer arriving after a newer one, per endpoint: the first request is evaluated at
   * once with `stale` values but answered `delayMs` late; every later request is answered at once
   * with `fresh` values from the next snapshot version. The SDK must keep the fresh values.
   */
  outOfOrder({ stale, fresh, delayMs = 50, ...fixtures }: OutOfOrderOptions): HttpHandler[] {
    const version = fixtures.version ?? 1;
    // The values apply globally and for every customer, so every endpoint shows them.
    const evaluation = (values: FlagValues, at: number) =>
      learnerPortalResolvers({
        ...fixtures,
        flags: { ...fixtures.flags, ...values },
        flagsByCustomer: Object.fromEntries(
          Object.entries(fixtures.flagsByCustomer ?? {}).map(([key, own]) => [key, { ...own, ...values }]),
        ),
        version: at,
      });
    const staleResolvers = evaluation(stale, version);
    const freshResolvers = evaluation(fresh, version + 1);
    const ordered = (name: keyof LearnerPortalResolvers): HttpResponseResolver => {
      let calls = 0;
      return async (info) => {
        if (++calls > 1) return freshResolvers[name](info);
        const response = await staleResolvers[name](info); // evaluated now...
        await delay(delayMs); // ...delivered late
        return response;
      };
    };
    return endpointHandlers(
      {
        enterpriseLearner: ordered('enterpriseLearner'),
        learnerDashboard: ordered('learnerDashboard'),
        waffleStatus: ordered('waffleStatus'),
      },
      fixtures.baseUrl,
    );
  },
};
