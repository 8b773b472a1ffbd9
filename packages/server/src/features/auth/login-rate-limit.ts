/** How many keys a limiter remembers; past it the oldest key is forgotten first. */
const MAX_KEYS = 100_000;

/**
 * Counts failed logins per key (address + username, address, account) in a sliding window; past
 * the limit, logins for that key are refused until the window passes. Refused attempts are not
 * counted, so a lockout ends one window after the failure that started it.
 */
export class LoginRateLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 5,
    readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.#failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const times = this.#recent(key);
    if (times.length < this.maxFailures) return 0;
    return times[0]! + this.windowMs - this.now();
  }

  /**
   * Counts a failure. Login counts every attempt as failed before checking the password, so
   * concurrent guesses cannot all pass the check while the first ones are still hashing.
   */
  fail(key: string): void {
    const times = this.#recent(key);
    times.push(this.now());
    this.#failures.set(key, times);
    // Forget the oldest key, not all of them: spraying new keys must not reset everyone's count.
    if (this.#failures.size > MAX_KEYS) this.#failures.delete(this.#failures.keys().next().value!);
  }

  /** Takes back the newest failure of `key` (the attempt turned out to be a right password). */
  forgive(key: string): void {
    const times = this.#failures.get(key);
    times?.pop();
    if (times?.length === 0) this.#failures.delete(key);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}

/** The login limiters, each counting failures in 15 minutes. */
export interface LoginLimits {
  /** Per client address and username: a person mistyping (5). */
  readonly perUser: LoginRateLimiter;
  /** Per client address, whatever the username: one address spraying many accounts (50). */
  readonly perAddress: LoginRateLimiter;
  /**
   * Per account, whatever the address: many addresses guessing one account (20). Above the
   * per-user limit so a person's own typos meet that one first; low enough that a botnet gets
   * about 2,000 guesses a day per account. The price is that anyone can hold an account shut by
   * spending 20 failures every 15 minutes; the lock is never permanent and the right password
   * works again as soon as the window has passed.
   */
  readonly perAccount: LoginRateLimiter;
}

/** The limiters `createApp` uses unless it is given its own. */
export function defaultLoginLimits(): LoginLimits {
  return {
    perUser: new LoginRateLimiter(5),
    perAddress: new LoginRateLimiter(50),
    perAccount: new LoginRateLimiter(20),
  };
}
