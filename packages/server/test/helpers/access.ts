import type { RequestOptions, TestResponse } from './test-client.js';

/** Request options that make a request look as if a trusted proxy forwarded it for `address`. */
export function fromAddress(address: string, options: RequestOptions = {}): RequestOptions {
  return { ...options, headers: { ...options.headers, 'x-forwarded-for': address } };
}

/** `count` documentation-range addresses (198.51.100.0/24, then 203.0.113.0/24): header values only, never dialled. */
export function addresses(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    return n < 254 ? `198.51.100.${n + 1}` : `203.0.113.${n - 253}`;
  });
}

/** How many responses had each status, e.g. `{ 401: 20, 429: 10 }`. */
export function statusCounts(responses: readonly TestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Everything a response shows a client: status, every header (cookies included) and the body. */
export function responseText(response: TestResponse): string {
  return JSON.stringify({
    status: response.status,
    headers: [...response.headers.entries()],
    body: response.body,
  });
}

/** Any value as searchable text, with errors spelled out (name, message, stack, own fields). */
export function searchableText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Error ? { ...item, name: item.name, message: item.message, stack: item.stack } : item,
  );
}
