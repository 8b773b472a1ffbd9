import { useSyncExternalStore } from 'react';

/** Where the page is: the hash path split into segments, plus its query. */
export interface Route {
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

// Hash routes (`/admin/#/flags/name`) survive a reload whatever the server does with paths.
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?');
  const segments = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  return { segments, query: new URLSearchParams(search) };
}

/** A hash link to `segments` (each one URL-encoded) with an optional query. */
export function href(segments: readonly string[], query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const search = params.toString();
  return `#/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
}

export function navigate(segments: readonly string[], query?: Record<string, string | undefined>): void {
  window.location.hash = href(segments, query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // One parse per hash value; URLSearchParams is cheap and the hash changes rarely.
  return parseRoute(hash);
}
