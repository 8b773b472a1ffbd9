import { createHash, randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { queuedWrite, serialQueue } from '../../db/transaction.js';

/** How many failed logins each counter allows in `windowMs`. */
export interface LoginLimits {
  /** Per client address and username: a person mistyping (5). */
  readonly perUser: number;
  /** Per client address, whatever the username: one address spraying many accounts (50). */
  readonly perAddress: number;
  /**
   * Per account, whatever the address: many addresses guessing one account (20). Above the
   * per-user limit so a person's own typos meet that one first; low enough that a botnet gets
   * about 2,000 guesses a day per account. The price is that anyone can hold an account shut by
   * spending 20 failures every 15 minutes; the lock is never permanent and the right password
   * works again as soon as the window has passed.
   */
  readonly perAccount: number;
  /** The sliding window the failures are counted in (15 minutes). */
  readonly windowMs: number;
}

/** The limits `createApp` uses unless it is given its own. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perUser: 5,
  perAddress: 50,
  perAccount: 20,
  windowMs: 15 * 60 * 1000,
};

/** An attempt that was let through: its failure rows stay unless the password turns out right. */
export interface LoginAttempt {
  readonly id: string;
  readonly keys: { readonly user: string; readonly address: string; readonly account: string };
}

/** Either the attempt may check its password, or the client must wait `retryAfterMs`. */
export type LoginAdmission =
  | { readonly admitted: true; readonly attempt: LoginAttempt }
  | { readonly admitted: false; readonly retryAfterMs: number };

const TABLE = 'waffle_login_failures';

/** A counter's key as stored: fixed length, and no address or username in clear. */
function keyHash(counter: keyof LoginAttempt['keys'], value: string): string {
  return createHash('sha256').update(`${counter}:${value}`).digest('hex');
}

/**
 * Failed logins per counter (address + username, address, account) in a sliding window, kept in
 * the database so every server process on it counts the same failures and a restart forgets
 * none. An attempt writes its failure rows first, then counts (its own included): of attempts
 * racing in different processes, the last to count sees all of them, so together they never get
 * past a limit. A refused attempt takes its rows back, so a lockout ends one window after the
 * failure that started it. Within a process attempts are counted one at a time (a few
 * milliseconds each), so a burst gets exactly the limit, not fewer.
 */
export class LoginRateLimiter {
  readonly #inOrder = serialQueue();
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs bookkeeping one attempt at a time, through the SQLite write queue (see `queuedWrite`). */
  #run<T>(work: () => Promise<T>): Promise<T> {
    return this.#inOrder(() => queuedWrite(this.sequelize, work));
  }

  async #query(sql: string, replacements: Record<string, unknown>): Promise<void> {
    await this.sequelize.query(sql, { replacements });
  }

  /**
   * Counts a login by `address` for `account` as failed in every counter, before the password is
   * checked, so concurrent guesses cannot all pass while the first ones are still hashing. Past
   * a limit the attempt is not counted and the answer says how long to wait.
   */
  admit(address: string, account: string): Promise<LoginAdmission> {
    return this.#run(async () => {
      const now = this.now();
      const since = now - this.limits.windowMs;
      const attempt: LoginAttempt = {
        id: randomBytes(16).toString('hex'),
        keys: {
          user: keyHash('user', `${address}:${account}`),
          address: keyHash('address', address),
          account: keyHash('account', account),
        },
      };
      const keys = Object.values(attempt.keys);
      await this.#sweep(now, since, keys);
      await this.#query(
        `INSERT INTO ${TABLE} (key_hash, attempt, failed_at) VALUES (:user, :id, :now), (:address, :id, :now), (:account, :id, :now)`,
        { ...attempt.keys, id: attempt.id, now },
      );
      const rows = await this.sequelize.query<{
        key_hash: string;
        failures: number | string;
        oldest: number | string;
      }>(
        `SELECT key_hash, COUNT(*) AS failures, MIN(failed_at) AS oldest FROM ${TABLE} WHERE key_hash IN (:keys) AND failed_at > :since GROUP BY key_hash`,
        { replacements: { keys, since }, type: QueryTypes.SELECT },
      );
      const limitOf = new Map([
        [attempt.keys.user, this.limits.perUser],
        [attempt.keys.address, this.limits.perAddress],
        [attempt.keys.account, this.limits.perAccount],
      ]);
      const waits = rows
        .filter((row) => Number(row.failures) > limitOf.get(row.key_hash)!)
        .map((row) => Number(row.oldest) + this.limits.windowMs - now);
      if (waits.length === 0) return { admitted: true, attempt };
      await this.#query(`DELETE FROM ${TABLE} WHERE key_hash IN (:keys) AND attempt = :id`, {
        keys,
        id: attempt.id,
      });
      return { admitted: false, retryAfterMs: Math.max(...waits) };
    });
  }

  /**
   * The attempt's password was right: its own failures per address and per account are taken
   * back, and every failure of this address and username is forgotten.
   */
  succeeded(attempt: LoginAttempt): Promise<void> {
    return this.#run(() =>
      this.#query(
        `DELETE FROM ${TABLE} WHERE key_hash = :user OR (key_hash IN (:address, :account) AND attempt = :id)`,
        { ...attempt.keys, id: attempt.id },
      ),
    );
  }

  /**
   * Deletes expired rows of the keys about to be counted and, once per window per process,
   * expired rows of every key, so the table holds about one window of failures, not all of them.
   */
  async #sweep(now: number, since: number, keys: string[]): Promise<void> {
    if (now - this.#lastSweep >= this.limits.windowMs) {
      await this.#query(`DELETE FROM ${TABLE} WHERE failed_at <= :since`, { since });
      this.#lastSweep = now;
      return;
    }
    await this.#query(`DELETE FROM ${TABLE} WHERE key_hash IN (:keys) AND failed_at <= :since`, {
      keys,
      since,
    });
  }
}
