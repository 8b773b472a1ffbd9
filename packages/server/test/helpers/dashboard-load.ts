import autocannon from 'autocannon';
import { sessionHeaders } from './sessions.js';
import type { Json } from './test-client.js';

export const DASHBOARD = '/api/v1/bffs/learner/dashboard/';

/** One learner's session and the customer whose dashboard it asks for (null: the default one). */
export interface DashboardCaller {
  readonly token: string;
  readonly slug: string | null;
}

/** Looks at one dashboard body; returns what is wrong with it, or null. */
export type BodyCheck = (body: Json) => string | null;

export interface DashboardLoadOptions {
  readonly url: string;
  /** Requests go to these callers in turn, whatever the connection. */
  readonly callers: readonly DashboardCaller[];
  /** Total requests (the run's bound). */
  readonly amount: number;
  readonly connections?: number;
  readonly check: BodyCheck;
}

export interface DashboardLoadResult {
  readonly requests: number;
  /** Socket errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly p99: number;
  /** Bodies that failed `check` (a torn change, a wrong flag value) or were not a 200. */
  readonly torn: number;
  /** Bodies whose snapshot version was older than the one before on their connection. */
  readonly regressions: number;
  /** Bodies looked at (every response). */
  readonly checked: number;
  /** The first few problems, for the failure message. */
  readonly problems: readonly string[];
}

/**
 * Loads the learner dashboard with autocannon on loopback, `amount` requests over `connections`
 * keep-alive connections, and reads every response body: each must pass `check`, and the
 * snapshot version it embeds must never go back on its connection (a connection's requests are
 * sequential, so an older version would mean a response served an older flag state).
 */
export async function loadDashboard(options: DashboardLoadOptions): Promise<DashboardLoadResult> {
  const { callers, check } = options;
  const bodies = callers.map((caller) =>
    JSON.stringify(caller.slug ? { enterprise_customer_slug: caller.slug } : {}),
  );
  const headers = callers.map((caller) => sessionHeaders(caller.token));
  let next = 0;
  const counts = { torn: 0, regressions: 0, checked: 0 };
  const problems: string[] = [];
  const report = (kind: 'torn' | 'regressions', problem: string) => {
    counts[kind]++;
    if (problems.length < 5) problems.push(problem);
  };

  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 8,
    amount: options.amount,
    timeout: 10,
    setupClient(client) {
      let lastVersion = 0;
      client.setRequests([
        {
          method: 'POST',
          path: DASHBOARD,
          setupRequest(request) {
            const index = next++ % callers.length;
            return { ...request, headers: headers[index], body: bodies[index] };
          },
          onResponse(status, text) {
            counts.checked++;
            if (status !== 200) return report('torn', `status ${status}: ${text.slice(0, 200)}`);
            const body: Json = JSON.parse(text);
            const version: number = body.enterprise_features_meta?.version;
            if (!(version >= lastVersion)) {
              report('regressions', `snapshot version ${version} after ${lastVersion} on one connection`);
            }
            lastVersion = version;
            const problem = check(body);
            if (problem) report('torn', problem);
          },
        },
      ]);
    },
  });
  return {
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    p99: result.latency.p99,
    ...counts,
    problems,
  };
}
