import type { Table } from './report/table.js';

export interface RunOptions {
  /** A smoke run: smaller populations and fewer points, well under two minutes in all. */
  readonly quick: boolean;
  /** Progress for the person waiting (stderr), kept out of the results. */
  readonly log: (line: string) => void;
}

/** What one part of the suite found: tables, then notes that say what the figures mean. */
export interface Section {
  readonly title: string;
  readonly tables: readonly Table[];
  readonly notes: readonly string[];
}

/**
 * One part of the suite. Parts run one after the other in the order of `MODULES`, each on its
 * own, so a new part (HTTP, propagation) is one more module in that list.
 */
export interface BenchModule {
  /** Used by `--only=<id>,<id>`. */
  readonly id: string;
  run(options: RunOptions): Promise<Section>;
}
