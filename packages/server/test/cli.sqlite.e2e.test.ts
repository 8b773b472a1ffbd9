import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const ACME = '6d2f4a9e-1c3b-4e5f-8a7b-000000000a01';
const people = {
  groups: ['beta'],
  users: [{ username: 'alice' }, { username: 'bob' }],
  enterprise_customers: [{ uuid: ACME, slug: 'acme', name: 'Acme', active: true }],
};

/** Rows straight from the SQLite file, as the CLI left it. */
function readRows(db: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  const file = db.url.replace(/^sqlite:/, '');
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => error && reject(error));
    connection.all(sql, (error, rows) => {
      connection.close();
      if (error) reject(error);
      else resolve(rows as Record<string, unknown>[]);
    });
  });
}

// Every step starts the real bin in a new Node process (about a second each on a busy machine).
describe('the waffle-kit CLI on a SQLite file', { timeout: 90_000 }, () => {
  let db: TestDatabase;
  let empty: TestDatabase;
  let dir: string;
  const cli = (...args: string[]) => runCli(db.url, args);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    empty = await createTestDatabase('sqlite');
    dir = db.url.replace(/^sqlite:/, '').replace(/\/waffle\.sqlite$/, '');
    writeFileSync(join(dir, 'people.json'), JSON.stringify(people));
    const imported = await cli('import', join(dir, 'people.json'));
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Imported: 4 created');
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    await empty?.drop();
  });

  it('creates a flag, then updates only the options given', async () => {
    const created = await cli(
      'flag',
      'cli.flag',
      '--create',
      '-p',
      '10',
      '--staff',
      '-u',
      'alice',
      '--enterprise',
      `${ACME}=30`,
    );
    const updated = await cli('flag', 'cli.flag', '-p', '20.5', '-g', 'beta');
    const appended = await cli('flag', 'cli.flag', '-u', 'bob', '--append', '--no-superusers');
    const list = await cli('flag', '--list');

    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Flag "cli.flag" created.');
    expect(updated.status).toBe(0);
    expect(appended.status).toBe(0);
    expect(list.stdout).toBe(
      'Flags:\n' +
        `cli.flag: everyone=unset percent=20.5 testing=false superusers=false staff=true authenticated=false languages=- users=alice,bob groups=beta sets=- rollout=false enterprise=${ACME}:30\n`,
    );
  });

  it('fails with clear messages and non-zero exit statuses', async () => {
    const missing = await cli('flag', 'no.such.flag', '-p', '5');
    const badPercent = await cli('flag', 'cli.flag', '-p', '150');
    const unknownUser = await cli('flag', 'cli.flag', '-u', 'ghost');
    const unknownCommand = await cli('frobnicate');
    const badSwitch = await cli('switch', 'x', 'maybe');
    const shortPassword = await cli('createsuperuser', 'shorty', '--password', 'x');

    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('This flag does not exist.');
    expect(badPercent.status).toBe(1);
    expect(badPercent.stderr).toMatch(/percent: Use a number from 0\.0 to 100\.0/);
    expect(unknownUser.status).toBe(1);
    expect(unknownUser.stderr).toContain('users: Unknown user: ghost.');
    expect(unknownCommand.status).toBe(2);
    expect(badSwitch.status).toBe(2);
    expect(shortPassword.status).toBe(1);
    expect(shortPassword.stderr).toContain('password: Use at least 8 characters.');
    expect(await readRows(db, "SELECT id FROM waffle_users WHERE username = 'shorty'")).toEqual([]);
  });

  it('manages switches and samples, explains a flag and deletes', async () => {
    expect((await cli('switch', 'cli.switch', 'on', '--create')).status).toBe(0);
    expect((await cli('sample', 'cli.sample', '33.3', '--create')).status).toBe(0);
    expect((await cli('switch', 'missing.switch', 'on')).stderr).toContain('This switch does not exist.');
    const explained = await cli('explain', 'cli.flag', '--user', 'alice', '--enterprise', ACME);
    expect(explained.stdout.trim()).toBe('on: the user is listed');
    expect((await cli('flag', 'doomed', '--create')).status).toBe(0);
    const deleted = await cli('delete', '--flags', 'doomed');
    expect(deleted.stdout).toContain('Deleted flag "doomed".');
    expect((await cli('flag', '--list')).stdout).not.toContain('doomed');
  });

  it('creates a superuser, then resets its password, each with an audit entry and no password in it', async () => {
    expect((await cli('createsuperuser', 'root', '--password', 'first-secret')).stdout).toContain(
      'Superuser "root" is ready.',
    );
    expect((await cli('createsuperuser', 'root', '--password', 'second-secret')).status).toBe(0);

    const audit = await readRows(
      db,
      'SELECT actor, action, "before", "after" FROM waffle_audit_log WHERE object_type = \'user\' AND object_name = \'root\' ORDER BY id',
    );
    expect(audit.map((row) => [row.actor, row.action])).toEqual([
      ['cli', 'create'],
      ['cli', 'update'],
    ]);
    expect(JSON.parse(String(audit[0]!.after))).toMatchObject({ is_superuser: true, is_staff: true });
    expect(JSON.stringify(audit)).not.toMatch(/secret|password_hash|scrypt/);
  });

  it('manages flag sets and set membership from the flag and set commands', async () => {
    expect((await cli('set', 'portal', '--create', '--note', 'the learner portal')).status).toBe(0);
    const joined = await cli('flag', 'cli.flag', '-s', 'portal');
    expect(joined.stdout).toContain('sets=portal');
    expect((await cli('flag', 'cli.set.member', '--create', '--everyone')).status).toBe(0);
    const added = await cli('set', 'portal', '--add', 'cli.set.member');
    expect(added.stdout).toContain('portal: cli.flag,cli.set.member');
    const removed = await cli('set', 'portal', '--remove', 'cli.set.member');
    expect(removed.stdout).toContain('portal: cli.flag\n');

    const unknown = await cli('flag', 'cli.flag', '-s', 'no-such-set');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('sets: Unknown flag set: no-such-set.');
    const missing = await cli('set', 'no-such-set', '--add', 'cli.flag');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Add --create');

    const rows = await readRows(
      db,
      'SELECT s.name AS set_name, f.name AS flag FROM waffle_flag_set_members m JOIN waffle_flag_sets s ON s.id = m.flag_set_id JOIN waffle_flags f ON f.id = m.flag_id',
    );
    expect(rows).toEqual([{ set_name: 'portal', flag: 'cli.flag' }]);
    expect((await cli('set', '--list')).stdout).toContain('portal: cli.flag');
  });

  it('exports, imports into an empty database to equal state, and imports again without changes', async () => {
    const file = join(dir, 'export.json');
    expect((await cli('export', '--output', file)).status).toBe(0);

    const first = await runCli(empty.url, ['import', file]);
    const second = await runCli(empty.url, ['import', file]);
    const again = await runCli(empty.url, ['export']);

    expect(first.status).toBe(0);
    expect(second.stdout).toMatch(/Imported: 0 created, 0 updated, \d+ unchanged\./);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(JSON.parse(again.stdout).samples).toEqual([{ name: 'cli.sample', percent: 33.3, note: '' }]);
    expect(JSON.parse(again.stdout).flag_sets).toEqual([{ name: 'portal', note: 'the learner portal' }]);
  });

  it('imports a Waffle dumpdata file with Waffle’s field names', async () => {
    const waffleDump = [
      {
        model: 'waffle.flag',
        pk: 1,
        fields: {
          name: 'from.waffle',
          everyone: null,
          percent: '12.5',
          testing: false,
          superusers: true,
          staff: false,
          authenticated: true,
          languages: 'en,fr',
          rollout: false,
          note: 'migrated',
          users: [['alice']],
          groups: [],
          created: '2020-01-01T00:00:00Z',
          modified: '2020-01-01T00:00:00Z',
        },
      },
      { model: 'waffle.switch', pk: 1, fields: { name: 'from.waffle.switch', active: true, note: '' } },
      { model: 'waffle.sample', pk: 1, fields: { name: 'from.waffle.sample', percent: '50.0', note: '' } },
    ];
    const file = join(dir, 'waffle.json');
    writeFileSync(file, JSON.stringify(waffleDump));

    const imported = await runCli(empty.url, ['import', file, '--default-set', 'legacy']);
    const list = await runCli(empty.url, ['flag', '--list']);

    expect(imported.status).toBe(0);
    expect(list.stdout).toContain(
      'from.waffle: everyone=unset percent=12.5 testing=false superusers=true staff=false authenticated=true languages=en,fr users=alice groups=- sets=legacy',
    );
  });
});
