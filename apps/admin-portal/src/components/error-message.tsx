import { ApiError } from '../api/index.js';

/** Says what failed, in the server's words when there are some. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403 && error.code !== 'csrf_failed') return `Not allowed: ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function ErrorMessage({ error, testId }: { readonly error: unknown; readonly testId?: string }) {
  if (!error) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid={testId ?? 'error-message'}>
      {errorText(error)}
    </p>
  );
}

/** The lost-update answer (409): someone else saved first; the user reloads and re-applies. */
export function ConflictMessage({ onReload }: { readonly onReload: () => void }) {
  return (
    <div className="notice notice--error" role="alert" data-testid="conflict-message">
      <p>This was changed by someone else since you opened it. Your changes were not saved.</p>
      <button type="button" onClick={onReload}>
        Reload the latest version
      </button>
    </div>
  );
}
