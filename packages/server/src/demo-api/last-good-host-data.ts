import { isDatabaseUnavailable } from '../errors/database-unavailable.js';
import type { Logger } from '../logger.js';

/** Host data as a route read it, and whether it came from the database just now. */
export interface HostData<T> {
  readonly data: T;
  /** True when the database was unavailable and `data` is the last good copy (or the fallback). */
  readonly stale: boolean;
}

const LIMIT = 10_000;

/**
 * Keeps the last host data (enrollments, enterprise links) each learner route produced per key,
 * so that while the database is unavailable the host response still goes out with status 200
 * and its flags (DESIGN.md: flags never break a host response). Any other error is rethrown.
 */
export class LastGoodHostData<T> {
  readonly #entries = new Map<string, T>();
  #failing = false;

  constructor(private readonly logger: Logger) {}

  /**
   * Runs `load` and remembers its result under `key`. If the database is unavailable, answers
   * the remembered result for `key`, or `fallback` when there is none.
   */
  async read(key: string, load: () => Promise<T>, fallback: T): Promise<HostData<T>> {
    try {
      const data = await load();
      if (this.#entries.size >= LIMIT) this.#entries.clear();
      this.#entries.set(key, data);
      if (this.#failing) this.logger.info('host data: database reachable again');
      this.#failing = false;
      return { data, stale: false };
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const remembered = this.#entries.get(key);
      // Once per outage, not once per request.
      if (!this.#failing)
        this.logger.warn('host data: database unavailable, serving the last good copy', { error });
      this.#failing = true;
      return { data: remembered ?? fallback, stale: true };
    }
  }
}
