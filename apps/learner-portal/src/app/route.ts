import { type MouseEvent, useSyncExternalStore } from 'react';

// Path routes (`/acme/`): the server answers every unknown path with index.html (SPA fallback).
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** The enterprise slug of a path (`/acme/` -> `acme`), or null at `/`. */
export function slugOf(pathname: string): string | null {
  const first = pathname.split('/').find((part) => part !== '');
  return first ? decodeURIComponent(first) : null;
}

export function enterprisePath(slug: string): string {
  return `/${encodeURIComponent(slug)}/`;
}

/** Goes to `path` without a reload; `replace` for redirects, so Back does not bounce. */
export function navigate(path: string, { replace = false } = {}): void {
  if (window.location.pathname === path) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** A click handler for in-app links: plain clicks navigate in place, modified clicks open as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

/** The enterprise slug in the current path. */
export function useEnterpriseSlug(): string | null {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return slugOf(pathname);
}
