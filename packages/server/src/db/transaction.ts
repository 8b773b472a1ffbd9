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

/** Runs jobs one after another, in the order they were queued; a failed job does not stop the next. */
export type SerialQueue = <T>(run: () => Promise<T>) => Promise<T>;

/** A fresh queue that runs one job at a time, for work that must not interleave with itself. */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (run) => {
    const result = tail.then(run);
    tail = result.catch(() => undefined);
    return result;
  };
}

const writeQueues = new WeakMap<Sequelize, SerialQueue>();

/**
 * SQLite has one writer at a time. This process's writers wait their turn here, not in SQLite's
 * busy handler: node-sqlite3 runs statements on the four libuv threads, and four writers
 * sleeping in the busy handler starve the one that holds the lock (every write then times out).
 * The busy timeout still covers other processes (the CLI). Postgres needs no queue. One queue
 * per Sequelize instance, shared by every transaction and plain write on it.
 */
function writeQueue(sequelize: Sequelize): SerialQueue {
  if (sequelize.getDialect() !== 'sqlite') return (run) => run();
  let queue = writeQueues.get(sequelize);
  if (!queue) {
    queue = serialQueue();
    writeQueues.set(sequelize, queue);
  }
  return queue;
}

/**
 * Runs `write` (plain statements, no transaction, no snapshot bump: login bookkeeping, not flag
 * state) in the same SQLite write queue as `inTransaction`, so it never waits in the busy handler
 * beside this process's transactions. On Postgres it runs at once.
 */
export function queuedWrite<T>(sequelize: Sequelize, write: () => Promise<T>): Promise<T> {
  return writeQueue(sequelize)(write);
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
  const queue = writeQueue(sequelize);
  return async (work) => {
    const callbacks: Array<() => void | Promise<void>> = [];
    let version = 0;
    const result = await queue(() =>
      sequelize.transaction(transactionOptions(sequelize), async (transaction) => {
        const value = await work({ transaction, afterCommit: (fn) => callbacks.push(fn) });
        version = await bumpSnapshotVersion(sequelize, transaction);
        return value;
      }),
    );
    await onCommitted(version);
    for (const callback of callbacks) await callback();
    return result;
  };
}
