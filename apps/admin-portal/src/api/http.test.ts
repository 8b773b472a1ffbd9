import { ApiError, apiRequest, readCookie } from '@waffle-kit/contract/client';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/mock-admin-api.js';

describe('apiRequest', () => {
  beforeEach(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: the server sets this cookie; the page reads it.
    document.cookie = 'csrftoken=tok%3Den; path=/';
  });

  it('reads the CSRF cookie, decoded', () => {
    expect(readCookie('csrftoken')).toBe('tok=en');
    expect(readCookie('missing')).toBeNull();
  });

  it('sends the CSRF header on unsafe methods only, and If-Match when given', async () => {
    const seen: Headers[] = [];
    mockApi.server.use(
      http.all('*/api/echo', ({ request }) => {
        seen.push(request.headers);
        return HttpResponse.json({ ok: true });
      }),
    );
    await apiRequest('GET', '/api/echo');
    await apiRequest('PATCH', '/api/echo', { body: { a: 1 }, ifMatch: 7 });
    expect(seen[0]?.get('x-csrftoken')).toBeNull();
    expect(seen[1]?.get('x-csrftoken')).toBe('tok=en');
    expect(seen[1]?.get('if-match')).toBe('7');
    expect(seen[1]?.get('content-type')).toBe('application/json');
  });

  it('turns the error shape into an ApiError with code, message and fields', async () => {
    mockApi.server.use(
      http.post('*/api/echo', () =>
        HttpResponse.json(
          { error: { code: 'validation_error', message: 'Bad.', fields: { percent: 'Too big.' } } },
          { status: 400 },
        ),
      ),
    );
    const error = await apiRequest('POST', '/api/echo', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_error',
      message: 'Bad.',
      fields: { percent: 'Too big.' },
    });
  });

  it('gives a readable ApiError for a body that is not the error shape', async () => {
    mockApi.server.use(http.get('*/api/echo', () => new HttpResponse('<h1>Oops</h1>', { status: 500 })));
    const error = await apiRequest('GET', '/api/echo').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, code: 'http_error', fields: {} });
    expect((error as ApiError).message).toMatch(/^The server answered 500/);
  });

  it('says the server is not reachable when a proxy answers 502', async () => {
    mockApi.server.use(http.get('*/api/echo', () => new HttpResponse('Bad gateway', { status: 502 })));
    const error = await apiRequest('GET', '/api/echo').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'server_unavailable' });
  });

  it('gives an ApiError with status 0 when the server does not answer', async () => {
    mockApi.server.use(http.get('*/api/echo', () => HttpResponse.error()));
    const error = await apiRequest('GET', '/api/echo').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('answers undefined for 204', async () => {
    mockApi.server.use(http.delete('*/api/echo', () => new HttpResponse(null, { status: 204 })));
    expect(await apiRequest('DELETE', '/api/echo')).toBeUndefined();
  });

  it('adds nested field messages under their top-level field', async () => {
    mockApi.server.use(
      http.patch('*/api/echo', () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_error',
              message: 'Bad.',
              fields: { 'languages.1': 'Use language codes.' },
            },
          },
          { status: 400 },
        ),
      ),
    );
    const error = (await apiRequest('PATCH', '/api/echo', { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.fields).toEqual({ 'languages.1': 'Use language codes.', languages: 'Use language codes.' });
  });
});
