import { type Sequelize, Transaction, type TransactionOptions } from 'sequelize';
import { bumpSnapshotVersion } from './snapshot-version.js';

/** What a write sees: its transaction and a way to run code only once it has committed. */
export interface WriteContext {
  readonly transaction: Transaction;
  /** Runs `fn` after a successful commit; never if the transaction rolls back. */
  afterCommit(fn: () => void | Promise<void>): void;
}

export type InTransaction = <T>(work: (ctx: WriteContext) => Promise<T>) => Promise<T>;

/** SQLite takes the write lock at BEGIN, so two writers queue (busy timeout) instead of deadlocking. */
export function transactionOptions(sequelize: Sequelize): TransactionOptions {
  return sequelize.getDialect() === 'sqlite' ? { type: Transaction.TYPES.IMMEDIATE } : {};
}

/**
 * The one way to write flag state: runs `work` in a transaction that also bumps the snapshot
 * version, then (after commit, never before) runs `onCommitted` (the local snapshot reload) and
 * the `afterCommit` callbacks, and resolves only when they are done, so the next response of this
 * process already sees the change.
 *
 * @example
 * const inTransaction = createInTransaction(sequelize, () => sync.refresh());
 * await inTransaction(async ({ transaction }) => FlagModel.create({ name: 'x' }, { transaction }));
 */
export function createInTransaction(
  sequelize: Sequelize,
  onCommitted: (version: number) => Promise<void>,
): InTransaction {
  return async (work) => {
    const callbacks: Array<() => void | Promise<void>> = [];
    let version = 0;
    const result = await sequelize.transaction(transactionOptions(sequelize), async (transaction) => {
      const value = await work({ transaction, afterCommit: (fn) => callbacks.push(fn) });
      version = await bumpSnapshotVersion(sequelize, transaction);
      return value;
    });
    await onCommitted(version);
    for (const callback of callbacks) await callback();
    return result;
  };
}
