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
  /** Bodies that failed `check` or went back in snapshot version on their connection. */
  readonly bad: number;
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
  let bad = 0;
  let checked = 0;
  const problems: string[] = [];
  const report = (problem: string) => {
    bad++;
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
            checked++;
            if (status !== 200) return report(`status ${status}: ${text.slice(0, 200)}`);
            const body: Json = JSON.parse(text);
            const version: number = body.enterprise_features_meta?.version;
            if (!(version >= lastVersion)) {
              report(`snapshot version ${version} after ${lastVersion} on one connection`);
            }
            lastVersion = version;
            const problem = check(body);
            if (problem) report(problem);
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
    bad,
    checked,
    problems,
  };
}
