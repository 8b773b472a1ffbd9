/**
 * Counts failed logins per key (client address + username, and address alone) in a sliding
 * window; past the limit, logins from that key are refused until the window passes.
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

  fail(key: string): void {
    const times = this.#recent(key);
    times.push(this.now());
    this.#failures.set(key, times);
    if (this.#failures.size > 100_000) this.#failures.clear();
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
