import type { ReactNode } from 'react';

/** A calm placeholder while something loads: a spinner and words, announced politely. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A failure the person can act on: what went wrong and a way to try again. */
export function ErrorPanel(props: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const message = props.error instanceof Error ? props.error.message : 'Something went wrong.';
  return (
    <div className="error-panel" role="alert">
      <h2>{props.title}</h2>
      <p>{message}</p>
      {props.children}
      {props.onRetry && (
        <button type="button" className="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Grey blocks in the shape of the dashboard, so the page does not jump when it arrives. */
export function DashboardSkeleton() {
  return (
    <div className="skeleton" aria-hidden="true">
      <div className="skeleton-line wide" />
      <div className="skeleton-grid">
        <div className="skeleton-card" />
        <div className="skeleton-card" />
        <div className="skeleton-card" />
      </div>
    </div>
  );
}
