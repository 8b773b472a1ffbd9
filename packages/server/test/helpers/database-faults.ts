import { execFileSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import type { PrivatePostgres } from './private-postgres.js';

/** A database fault a test can switch on and off again. */
export interface DatabaseFault {
  /** What is simulated, for the test's figures line. */
  readonly description: string;
  inject(): Promise<void>;
  restore(): Promise<void>;
}

/** The Postgres server process crashes (`pg_ctl stop -m immediate`) and is started again. */
export function postgresCrash(cluster: PrivatePostgres): DatabaseFault {
  return {
    description: 'Postgres server killed (pg_ctl stop -m immediate), then restarted',
    inject: () => cluster.crash(),
    restore: () => cluster.start(),
  };
}

/**
 * The SQLite file stops being a database: its bytes are replaced in place by text that is not a
 * SQLite file, then the saved bytes are put back. Tests run as root, so `chmod 000` would not stop
 * a read; and moving the file away would not either, because the server's open connection keeps
 * reading the old inode. Overwriting the same inode is what a live connection really meets when
 * the file is clobbered or the disk returns garbage: SQLITE_NOTADB on its next read, and a write
 * transaction opening a fresh connection meets the same. The copies are made by `cp` in a child
 * process on purpose: closing any descriptor of the file in this process would drop SQLite's
 * POSIX locks (the server runs in this process). Inject and restore only while no write is in
 * flight, so the saved bytes are a committed state.
 */
export function sqliteGarbage(file: string): DatabaseFault {
  const saved = `${file}.saved`;
  const garbage = `${file}.garbage`;
  return {
    description: 'SQLite file overwritten in place with non-SQLite bytes, then restored',
    async inject() {
      execFileSync('cp', [file, saved]);
      const size = Math.max(statSync(file).size, 4096);
      writeFileSync(garbage, Buffer.alloc(size, 'this is not a SQLite database\n'));
      execFileSync('cp', [garbage, file]);
      if (execFileSync('head', ['-c', '15', file]).toString() === 'SQLite format 3') {
        throw new Error(`the fault did not take: ${file} still starts with the SQLite header`);
      }
    },
    async restore() {
      execFileSync('cp', [saved, file]);
      rmSync(saved);
      rmSync(garbage);
    },
  };
}
