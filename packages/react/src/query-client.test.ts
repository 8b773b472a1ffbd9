import { MutationObserver } from '@tanstack/react-query';
import { ApiError } from '@waffle-kit/contract/client';
import { describe, expect, it } from 'vitest';
import { createSessionQueryClient } from './query-client.js';

const failWith = (status: number) => new ApiError(status, { code: 'http_error', message: `HTTP ${status}` });

/** Fetches `key` with a query function that fails with `status` every time; how often it ran. */
async function failingFetch(
  client: ReturnType<typeof createSessionQueryClient>,
  key: string[],
  status: number,
) {
  let calls = 0;
  const fetching = client.fetchQuery({
    queryKey: key,
    queryFn: () => {
      calls += 1;
      throw failWith(status);
    },
    retryDelay: 0,
  });
  await expect(fetching).rejects.toBeInstanceOf(ApiError);
  return calls;
}

describe('createSessionQueryClient', () => {
  it('empties the session query when another query gets a 401', async () => {
    const client = createSessionQueryClient({ sessionKey: ['me'] });
    client.setQueryData(['me'], { username: 'alice' });
    await failingFetch(client, ['flags'], 401);
    expect(client.getQueryData(['me'])).toBeNull();
  });

  it('leaves the session query to report its own 401, and keeps it on other errors', async () => {
    const client = createSessionQueryClient({ sessionKey: ['me'], retries: 0 });
    client.setQueryData(['me'], { username: 'alice' });
    await failingFetch(client, ['me'], 401);
    await failingFetch(client, ['flags'], 403);
    await failingFetch(client, ['flags'], 500);
    expect(client.getQueryData(['me'])).toEqual({ username: 'alice' });
  });

  it('never retries a client error, and retries other failures `retries` times', async () => {
    const client = createSessionQueryClient({ sessionKey: ['me'], retries: 2 });
    expect(await failingFetch(client, ['a'], 404)).toBe(1);
    expect(await failingFetch(client, ['b'], 500)).toBe(3);
    expect(await failingFetch(client, ['c'], 0)).toBe(3);
    expect(await failingFetch(createSessionQueryClient({ sessionKey: ['me'] }), ['d'], 503)).toBe(2);
  });

  it('never retries a mutation and keeps data fresh for staleTime', async () => {
    const client = createSessionQueryClient({ sessionKey: ['me'], staleTime: 30_000 });
    let calls = 0;
    const mutation = new MutationObserver(client, {
      mutationFn: async () => {
        calls += 1;
        throw failWith(503);
      },
    });
    await expect(mutation.mutate()).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(1);
    client.setQueryData(['flags'], 'cached');
    expect(await client.fetchQuery({ queryKey: ['flags'], queryFn: () => 'refetched' })).toBe('cached');
  });
});
