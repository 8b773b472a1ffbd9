import autocannon from 'autocannon';

/** Connections autocannon keeps open in every HTTP part. */
export const CONNECTIONS = 10;

export interface LoadTarget {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
}

/** Loads one route for `seconds` from this process; any error or non-2xx answer fails the run. */
export async function load(target: LoadTarget, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `${target.url}: ${result.errors} errors and ${result.non2xx} non-2xx responses under load`,
    );
  }
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
  };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Rounds of one target pooled: throughput over all requests and seconds, the median round's latencies. */
export function pool(rounds: readonly LoadResult[]): LoadResult {
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  return {
    requestsPerSecond: requests / rounds.reduce((sum, r) => sum + r.requests / r.requestsPerSecond, 0),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    requests,
  };
}
