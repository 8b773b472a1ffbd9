import { ApiError, type Flag, flagsApi } from '../api/index.js';

export type BulkAction = 'enable' | 'disable' | 'delete' | 'add_to_set' | 'remove_from_set';

export interface BulkResult {
  readonly done: number;
  readonly failed: readonly { readonly name: string; readonly message: string }[];
}

/**
 * Waffle's admin actions over the selected flags. Everyone and delete go one audited request per
 * flag, each PATCH with the version the list showed, so a flag changed meanwhile is reported, not
 * overwritten. Set membership is one `POST /flags/bulk` (all or nothing): it keeps each flag's
 * other sets, so there is nothing to overwrite.
 */
export async function runBulkAction(
  action: BulkAction,
  flags: readonly Flag[],
  set = '',
): Promise<BulkResult> {
  if (action === 'add_to_set' || action === 'remove_from_set') {
    const { count } = await flagsApi.bulk({ action, names: flags.map((flag) => flag.name), set });
    return { done: count, failed: [] };
  }
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

const PAST: Record<BulkAction, (set: string) => string> = {
  enable: () => 'enabled for everyone',
  disable: () => 'disabled for everyone',
  delete: () => 'deleted',
  add_to_set: (set) => `added to ${set}`,
  remove_from_set: (set) => `removed from ${set}`,
};

export function describeBulkResult(action: BulkAction, result: BulkResult, set = ''): string {
  const noun = (count: number) => (count === 1 ? '1 flag' : `${count} flags`);
  const head = `${noun(result.done)} ${PAST[action](set)}.`;
  if (result.failed.length === 0) return head;
  const tail = result.failed.map((failure) => `${failure.name}: ${failure.message}`).join('; ');
  return `${head} ${noun(result.failed.length)} not changed (${tail}).`;
}
