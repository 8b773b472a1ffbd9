/**
 * A waffle-kit server in a process of its own, started by the HTTP and propagation parts (never
 * imported by them). It listens on 127.0.0.1 twice over one runtime: the server's own app
 * (`createApp`, flags embedded) and the same app with `embedding: false`, then reports both URLs
 * to the parent over IPC. The parent also asks it for the SQL statements counted since its last
 * question. Configured by environment: BENCH_DATABASE_URL, BENCH_SEED=demo, BENCH_POLL_MS,
 * BENCH_STATIC_DIR (a built app served at `/`, for the static-route row) and BENCH_WORKERS: with
 * 2 or more, a node:cluster primary forks that many server processes sharing one port (the first
 * seeds, then the others start), and reports that port; only the flags-embedded app listens then.
 */
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, openRuntime, seedDemoData, silentLogger } from '@waffle-kit/server';
import type { Express } from 'express';
import { type ServerMessage, statementsReadingFlags } from './server-messages.js';

function listen(app: Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
  const sql: string[] = [];
  const runtime = await openRuntime({
    databaseUrl,
    secret: 'bench-secret',
    logger: silentLogger,
    pollIntervalMs: Number(process.env.BENCH_POLL_MS ?? 500),
    onSql: (statement) => sql.push(statement),
  });
  if (process.env.BENCH_SEED === 'demo') await seedDemoData(runtime.inTransaction);

  const learnerPortalDir = process.env.BENCH_STATIC_DIR;
  const embedded = await listen(createApp({ runtime, learnerPortalDir }));
  // In a cluster every listen(0) shares one port: the second app would take half the requests.
  const plain = cluster.isWorker ? embedded : await listen(createApp({ runtime, embedding: false }));

  const send = (message: ServerMessage) => process.send?.(message);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'sql') {
      const statements = sql.splice(0);
      send({ type: 'sql', total: statements.length, flagReads: statementsReadingFlags(statements).length });
    }
  });
  const stop = () => {
    embedded.closeAllConnections();
    plain.closeAllConnections();
    embedded.close();
    plain.close();
    runtime.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  send({ type: 'ready', embeddedUrl: urlOf(embedded), plainUrl: urlOf(plain) });
}

/** The cluster primary: forks the workers one after another and relays the first one's URLs. */
async function primary(workers: number): Promise<void> {
  let urls: ServerMessage | undefined;
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork(i === 0 ? {} : { BENCH_SEED: '' });
    const ready = await new Promise<ServerMessage>((resolve, reject) => {
      worker.once('exit', (code) => reject(new Error(`bench worker ${i + 1} exited with ${code}`)));
      worker.on('message', (message: ServerMessage) => {
        if (message.type === 'ready') resolve(message);
      });
    });
    urls ??= ready;
  }
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.on('message', (message: { type: string }) => {
    // Statements are counted per process; the cluster runs report none.
    if (message.type === 'sql')
      process.send?.({ type: 'sql', total: 0, flagReads: 0 } satisfies ServerMessage);
  });
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send?.(urls!);
}

const workers = Number(process.env.BENCH_WORKERS ?? 1);
(cluster.isPrimary && workers > 1 ? primary(workers) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
