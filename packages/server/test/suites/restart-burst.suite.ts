import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedServer, spawnServer } from '../helpers/spawn-server.js';
import { type Json, TestClient, type TestResponse } from '../helpers/test-client.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../helpers/test-database.js';

const WRITES = 200;
const WIDTH = 10;
/** The server is killed once this many writes have been acknowledged: mid-burst. */
const KILL_AFTER = 60;
const BASE_FLAGS = 20;
/** Longer than any bounded wait of the server: an abort here is a hang and fails the test. */
const HANG = 20_000;
const SUPERUSER = { username: 'root', password: 'root-password-1' };

interface Write {
  readonly index: number;
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/** Creates of new flags and patches of the base flags, each carrying its own note. */
function plan(): Write[] {
  return Array.from({ length: WRITES }, (_, index) => {
    const note = `write ${index}`;
    if (index % 4 === 0) {
      const name = `burst.new_${index}`;
      return {
        index,
        method: 'POST',
        path: '/api/admin/flags',
        name,
        body: { name, note, percent: index % 100 },
      };
    }
    const name = `base.flag_${index % BASE_FLAGS}`;
    return {
      index,
      method: 'PATCH',
      path: `/api/admin/flags/${name}`,
      name,
      body: { note, percent: index % 100 },
    };
  });
}

async function loggedIn(url: string): Promise<TestClient> {
  const client = new TestClient(url);
  await client.login(SUPERUSER.username, SUPERUSER.password);
  return client;
}

/**
 * A server process is SIGKILLed in the middle of a burst of admin writes and started again on
 * the same database. The audit log and the state must agree: every acknowledged write is there
 * with its audit entry, every flag's audit chain ends in its final state, and no write is half
 * there (an audit entry without its change, or a change without its audit entry).
 */
export function describeRestartBurst(dialect: TestDialect): void {
  describe(`a ${dialect} server killed in the middle of a burst of admin writes`, () => {
    let database: TestDatabase;
    let server: SpawnedServer | undefined;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    });

    it('keeps every acknowledged write with its audit entry and leaves nothing half-written', async () => {
      const env = {
        DATABASE_URL: database.url,
        WAFFLE_SUPERUSER: `${SUPERUSER.username}:${SUPERUSER.password}`,
      };
      server = await spawnServer(env);
      const first = await loggedIn(server.url);
      for (let i = 0; i < BASE_FLAGS; i++) {
        const created = await first.post('/api/admin/flags', { name: `base.flag_${i}` });
        expect(created.status).toBe(201);
      }

      const writes = plan();
      const answers = new Map<number, TestResponse>();
      const cut: Write[] = [];
      let next = 0;
      let acknowledged = 0;
      let killing: Promise<void> | undefined;
      const victim = server;
      const worker = async () => {
        while (next < writes.length && !killing) {
          const write = writes[next++]!;
          try {
            const response = await first.request(write.method, write.path, {
              body: write.body,
              signal: AbortSignal.timeout(HANG),
            });
            answers.set(write.index, response);
            if (response.status < 300 && ++acknowledged >= KILL_AFTER) killing ??= victim.kill();
          } catch (error) {
            if ((error as Error).name === 'TimeoutError') throw error;
            cut.push(write); // the connection died with the server: the outcome is unknown
          }
        }
      };
      await Promise.all(Array.from({ length: WIDTH }, worker));
      await killing;
      expect(killing, 'the burst reached the kill point').toBeDefined();

      server = await spawnServer(env);
      const after = await loggedIn(server.url);
      const flags = (await after.get('/api/admin/flags')).body.results as Json[];
      const audit = ((await after.get('/api/admin/audit?object_type=flag&limit=1000')).body.results as Json[])
        .slice()
        .reverse(); // oldest first
      const finalState = new Map(flags.map((flag) => [flag.name, flag]));
      const entriesOf = (name: string) => audit.filter((entry) => entry.object_name === name);

      const acknowledgedWrites = writes.filter((w) => (answers.get(w.index)?.status ?? 500) < 300);
      const missing = acknowledgedWrites.filter((write) => {
        const body = answers.get(write.index)!.body;
        return !entriesOf(write.name).some((entry) => isDeepStrictEqual(entry.after, body));
      });
      let mismatched = 0;
      let halfWritten = 0;
      for (const name of new Set([...finalState.keys(), ...audit.map((entry) => entry.object_name)])) {
        const entries = entriesOf(name);
        const last = entries.at(-1);
        // The newest audit entry is the state; each older one is explained by the next.
        if (!isDeepStrictEqual(last?.after ?? null, finalState.get(name) ?? null)) mismatched++;
        for (let k = 1; k < entries.length; k++) {
          if (!isDeepStrictEqual(entries[k].before, entries[k - 1].after)) mismatched++;
        }
        // One audit entry per committed change: the create, then one per version bump.
        if (entries.length !== (finalState.get(name)?.version ?? entries.length)) halfWritten++;
      }
      const landed = cut.filter((write) =>
        audit.some((entry) => entry.after?.note === write.body.note),
      ).length;
      // Concurrent patches of one flag may lose the race (409, nothing written); nothing else may fail.
      const statuses = [...answers.values()].map((r) => r.status);
      const conflicts = statuses.filter((status) => status === 409).length;
      const otherStatuses = statuses.filter((status) => status >= 300 && status !== 409);

      const fresh = await after.request('PATCH', '/api/admin/flags/base.flag_0', {
        body: { note: 'after the restart' },
        signal: AbortSignal.timeout(HANG),
      });
      console.log(
        `[faults] restart ${dialect}: ${WRITES} writes planned, ${WIDTH} at a time, SIGKILL after ${acknowledged} acknowledged: ${answers.size + cut.length} sent, ${acknowledgedWrites.length} 2xx, ${conflicts} 409 (lost the race, nothing written), ${otherStatuses.length} other answers, ${cut.length} cut off (${landed} of them committed); after restart: ${missing.length} acknowledged writes missing, ${mismatched} audit/state mismatches, ${halfWritten} half-written, new write -> ${fresh.status}`,
      );
      expect(missing.map((w) => w.index)).toEqual([]);
      expect(mismatched).toBe(0);
      expect(halfWritten).toBe(0);
      expect(otherStatuses).toEqual([]);
      expect(fresh.status).toBe(200);
      const base0Audit = await after.get(
        '/api/admin/audit?object_type=flag&object_name=base.flag_0&limit=1000',
      );
      expect(base0Audit.body.count).toBe(fresh.body.version);
    }, 120_000);
  });
}
