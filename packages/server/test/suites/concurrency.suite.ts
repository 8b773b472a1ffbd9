import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/create-test-app.js';
import { signedInClient } from '../helpers/sessions.js';
import type { Json, TestClient, TestResponse } from '../helpers/test-client.js';
import type { TestDialect } from '../helpers/test-database.js';

const FLAG = 'contended.flag';
const FLAG_PATH = `/api/admin/flags/${FLAG}`;
const WRITERS = 20;
/** Single-shot rounds (a stale write gets its 409 and stops), then rounds that retry until every write lands. */
const ROUNDS = [false, false, false, true, true] as const;
/** A writer that keeps conflicting gives up after this many tries (bounds the retry rounds). */
const MAX_ATTEMPTS = 60;

interface Attempt {
  readonly writer: string;
  readonly note: string;
  /** The version the writer read and sent as If-Match. */
  readonly read: number;
  readonly response: TestResponse;
}

interface Round {
  readonly retry: boolean;
  readonly versionBefore: number;
  readonly attempts: Attempt[];
  readonly audit: Json[];
  readonly final: Json;
}

/** Reads the flag, then PATCHes a new note with `If-Match: <the version read>`. */
async function readThenWrite(
  client: TestClient,
  note: string,
): Promise<{ read: number; response: TestResponse }> {
  const { body } = await client.get(FLAG_PATH);
  const response = await client.request('PATCH', FLAG_PATH, {
    body: { note },
    headers: { 'if-match': `"${body.version}"` },
  });
  return { read: body.version, response };
}

/**
 * Twenty admins writing the same flag at once, each with the version it read, on one dialect:
 * every write lands or gets a 409, no write is lost, and the audit log has exactly the writes
 * that landed.
 */
export function describeConcurrency(dialect: TestDialect): void {
  describe(`concurrent flag writes on ${dialect}`, () => {
    let app: TestApp;
    let writers: Array<{ username: string; client: TestClient }>;
    let reader: TestClient;

    beforeAll(async () => {
      app = await createTestApp({ dialect, captureSql: false });
      await app.build.flag(FLAG, { percent: 10 });
      writers = [];
      for (let i = 0; i < WRITERS; i++) {
        const username = `writer-${i}`;
        await app.build.user({ username, isStaff: true });
        writers.push({ username, client: await signedInClient(app, username) });
      }
      reader = writers[0]!.client;
    });

    afterAll(async () => {
      await app?.close();
    });

    /** Audit entries of the flag newer than `afterId`, oldest first. */
    async function auditSince(afterId: number): Promise<Json[]> {
      const { body } = await reader.get(`/api/admin/audit?object_type=flag&object_name=${FLAG}&limit=1000`);
      return body.results.filter((entry: Json) => entry.id > afterId).reverse();
    }

    async function runRound(index: number, retry: boolean): Promise<Round> {
      const versionBefore = (await reader.get(FLAG_PATH)).body.version;
      const lastAuditId = (await auditSince(0)).at(-1)?.id ?? 0;
      const attempts: Attempt[] = [];
      await Promise.all(
        writers.map(async ({ username, client }) => {
          for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const note = `round ${index}, ${username}, attempt ${attempt}`;
            const { read, response } = await readThenWrite(client, note);
            attempts.push({ writer: username, note, read, response });
            if (!retry || response.status !== 409) return;
          }
        }),
      );
      return {
        retry,
        versionBefore,
        attempts,
        audit: await auditSince(lastAuditId),
        final: (await reader.get(FLAG_PATH)).body,
      };
    }

    it('lands or refuses with 409 every write of 20 admins on one flag, losing none, one audit entry per landed write', async () => {
      const rounds: Round[] = [];
      for (const [index, retry] of ROUNDS.entries()) rounds.push(await runRound(index + 1, retry));

      const all = rounds.flatMap((round) => round.attempts);
      const count = (test: (status: number) => boolean) => all.filter((a) => test(a.response.status)).length;
      const auditEntries = rounds.reduce((sum, round) => sum + round.audit.length, 0);
      console.log(
        `[concurrency] ${dialect}: ${ROUNDS.length} rounds x ${WRITERS} writers, ${count((s) => s === 200)} landed, ` +
          `${count((s) => s === 409)} conflicts, ${count((s) => s !== 200 && s !== 409)} errors, audit entries ${auditEntries}`,
      );

      for (const round of rounds) {
        const landed = round.attempts
          .filter((a) => a.response.status === 200)
          .sort((a, b) => a.response.body.version - b.response.body.version);
        const refused = round.attempts.filter((a) => a.response.status !== 200);
        // Every other answer is a 409 in the error shape: no 5xx, no other status.
        for (const { response } of refused) {
          expect(response.status).toBe(409);
          expect(response.body).toEqual({
            error: { code: 'conflict', message: expect.any(String), fields: expect.any(Object) },
          });
        }
        // Each landed write is the next version after the one it read: none overwrote a change it
        // had not seen (a lost update), and versions go up one by one.
        expect(landed.map((a) => a.response.body.version)).toEqual(landed.map((a) => a.read + 1));
        expect(landed.map((a) => a.response.body.version)).toEqual(
          landed.map((_, i) => round.versionBefore + 1 + i),
        );
        expect(landed.map((a) => a.response.body.note)).toEqual(landed.map((a) => a.note));
        if (round.retry) expect(new Set(landed.map((a) => a.writer)).size).toBe(WRITERS);
        else expect(landed.length).toBeGreaterThan(0);
        // One audit entry per landed write, in version order, each before -> after of one version.
        expect(
          round.audit.map((entry) => ({
            actor: entry.actor,
            before: [entry.before.version, entry.before.note === undefined],
            after: [entry.after.version, entry.after.note],
          })),
        ).toEqual(
          landed.map((a) => ({
            actor: a.writer,
            before: [a.response.body.version - 1, false],
            after: [a.response.body.version, a.note],
          })),
        );
        // The flag ends as the last write that landed left it.
        const last = landed.at(-1)!;
        expect({ version: round.final.version, note: round.final.note }).toEqual({
          version: last.response.body.version,
          note: last.note,
        });
      }
    }, 60_000);
  });
}
