import { ApiError, type Flag, flagsApi } from '../api/index.js';

export type BulkAction = 'enable' | 'disable' | 'delete';

export interface BulkResult {
  readonly done: number;
  readonly failed: readonly { readonly name: string; readonly message: string }[];
}

/**
 * Waffle's admin actions over the selected flags, one audited request per flag (the API has no
 * batch route). Each PATCH carries the version the list showed, so a flag changed meanwhile is
 * reported, not overwritten.
 */
export async function runBulkAction(action: BulkAction, flags: readonly Flag[]): Promise<BulkResult> {
  const outcomes = await Promise.allSettled(
    flags.map((flag) =>
      action === 'delete'
        ? flagsApi.remove(flag.name)
        : flagsApi.update(flag.name, flag.version, { everyone: action === 'enable' }),
    ),
  );
  const failed = outcomes.flatMap((outcome, index) => {
    if (outcome.status === 'fulfilled') return [];
    const error = outcome.reason;
    const message =
      error instanceof ApiError && error.isConflict
        ? 'changed by someone else; reload and try again'
        : error instanceof Error
          ? error.message
          : 'failed';
    return [{ name: flags[index]!.name, message }];
  });
  return { done: flags.length - failed.length, failed };
}

const PAST: Record<BulkAction, string> = {
  enable: 'enabled for everyone',
  disable: 'disabled for everyone',
  delete: 'deleted',
};

export function describeBulkResult(action: BulkAction, result: BulkResult): string {
  const noun = (count: number) => (count === 1 ? '1 flag' : `${count} flags`);
  const head = `${noun(result.done)} ${PAST[action]}.`;
  if (result.failed.length === 0) return head;
  const tail = result.failed.map((failure) => `${failure.name}: ${failure.message}`).join('; ');
  return `${head} ${noun(result.failed.length)} not changed (${tail}).`;
}
