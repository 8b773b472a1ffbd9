import pg from 'pg';
import { SNAPSHOT_CHANNEL } from '../db/snapshot-version.js';
import type { Logger } from '../logger.js';

export interface SnapshotListener {
  close(): Promise<void>;
}

/**
 * A dedicated connection that LISTENs for snapshot NOTIFYs (a pooled connection cannot). On a
 * lost connection it reconnects with back-off and reports `undefined` (a change may have been
 * missed); the version poll covers the gap meanwhile.
 */
export function listenForSnapshotChanges(
  databaseUrl: string,
  logger: Logger,
  onChange: (version: number | undefined) => void,
): SnapshotListener {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 250;
  let reconnecting = false;

  const connect = async () => {
    const next = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    client = next;
    next.on('error', (error) => {
      logger.warn('flag snapshot: LISTEN connection lost', { error });
      scheduleReconnect(next);
    });
    next.on('notification', (message) => {
      const version = Number(message.payload);
      onChange(Number.isFinite(version) ? version : undefined);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${SNAPSHOT_CHANNEL}`);
      delay = 250;
      // After a reconnect a NOTIFY may have been missed while we were away.
      if (reconnecting) onChange(undefined);
      reconnecting = false;
    } catch (error) {
      if (!closed) logger.warn('flag snapshot: cannot LISTEN, relying on the version poll', { error });
      scheduleReconnect(next);
    }
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (closed || client !== failed || retry) return;
    reconnecting = true;
    failed.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
    // Capped low: the poll covers the gap, but LISTEN should be back soon after the database is.
    delay = Math.min(delay * 2, 2_000);
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
