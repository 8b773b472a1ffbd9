import type { Sequelize } from 'sequelize';
import { readSnapshotVersion } from '../db/snapshot-version.js';
import type { Logger } from '../logger.js';
import { loadSnapshot } from './load-snapshot.js';
import { listenForSnapshotChanges, type SnapshotListener } from './postgres-listener.js';
import type { SnapshotCache } from './snapshot-cache.js';

export interface SnapshotSyncOptions {
  readonly sequelize: Sequelize;
  readonly snapshot: SnapshotCache;
  readonly logger: Logger;
  /** The database URL, for the Postgres LISTEN connection. */
  readonly databaseUrl: string;
  /** How often to compare the version row with ours (0: never poll). */
  readonly pollIntervalMs: number;
}

/**
 * Keeps the snapshot current: `refresh()` after this process commits a write; a version poll
 * (cheap: one row) and, on Postgres, LISTEN/NOTIFY for writes by other processes. When the
 * database fails, the last good snapshot stays and the failure is logged once per outage.
 */
export class SnapshotSync {
  #timer: NodeJS.Timeout | undefined;
  #listener: SnapshotListener | undefined;
  #loading: Promise<void> | undefined;
  #again = false;
  #failing = false;
  #stopped = false;

  constructor(private readonly options: SnapshotSyncOptions) {}

  /**
   * Loads the current state now. Called while a load runs, it makes that load go round once
   * more (the running one may have started before the caller's commit) and waits for it.
   */
  refresh(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = (async () => {
      do {
        this.#again = false;
        await this.#load();
      } while (this.#again && !this.#stopped);
    })().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** Reloads if the database has a newer version than ours; one cheap query otherwise. */
  async check(): Promise<void> {
    try {
      const version = await readSnapshotVersion(this.options.sequelize);
      this.#recovered();
      if (version !== this.options.snapshot.version) await this.refresh();
    } catch (error) {
      this.#failed(error);
    }
  }

  /** First load (throws if the database cannot be read: a server must not start blind), then watch. */
  async start(): Promise<void> {
    this.options.snapshot.replace(await loadSnapshot(this.options.sequelize));
    if (this.options.pollIntervalMs > 0) {
      this.#timer = setInterval(() => void this.check(), this.options.pollIntervalMs);
      this.#timer.unref();
    }
    if (this.options.sequelize.getDialect() === 'postgres') {
      this.#listener = listenForSnapshotChanges(this.options.databaseUrl, this.options.logger, (version) => {
        if (this.#stopped) return;
        if (version === undefined || version > this.options.snapshot.version) void this.refresh();
      });
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#listener?.close();
    await this.#loading?.catch(() => undefined);
  }

  async #load(): Promise<void> {
    try {
      this.options.snapshot.replace(await loadSnapshot(this.options.sequelize));
      this.#recovered();
    } catch (error) {
      this.#failed(error);
    }
  }

  #failed(error: unknown): void {
    if (this.#stopped) return;
    if (!this.#failing) {
      this.options.logger.error('flag snapshot: database unreachable, serving the last good snapshot', {
        version: this.options.snapshot.version,
        error,
      });
    }
    this.#failing = true;
  }

  #recovered(): void {
    if (this.#failing) this.options.logger.info('flag snapshot: database reachable again');
    this.#failing = false;
  }
}
