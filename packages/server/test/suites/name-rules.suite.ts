import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES } from '../../src/demo-api/demo-seed.js';
import { dumpDatabase } from '../helpers/database-dump.js';
import { useDemoApp } from '../helpers/demo-app.js';
import { isErrorShape, rawRequest } from '../helpers/raw-request.js';
import { runCli } from '../helpers/run-cli.js';
import type { TestDialect } from '../helpers/test-database.js';

const ACME = DEMO_ENTERPRISES[0].uuid;
/** Not a flag, switch or sample name (space), nor a username. */
const BAD = 'bad name';
const BAD_PATH = encodeURIComponent(BAD);
/** Over the 150 characters of a group name (and of a username, and the 100 of a flag name). */
const LONG = 'g'.repeat(151);

/** Every way a name enters over HTTP, each carrying an invalid one: [label, method, path, body]. */
const HTTP_ENTRIES: Array<[string, string, string, unknown?]> = [
  ['flag create', 'POST', '/api/admin/flags', { name: BAD }],
  ['flag create, long', 'POST', '/api/admin/flags', { name: 'f'.repeat(101) }],
  ['flag users', 'POST', '/api/admin/flags', { name: 'ok.flag', users: [BAD] }],
  ['flag groups', 'POST', '/api/admin/flags', { name: 'ok.flag', groups: [LONG] }],
  ['flag bulk', 'POST', '/api/admin/flags/bulk', { action: 'enable_everyone', names: [BAD] }],
  ['flag get', 'GET', `/api/admin/flags/${BAD_PATH}`],
  ['flag patch', 'PATCH', `/api/admin/flags/${BAD_PATH}`, { note: 'x' }],
  ['flag delete', 'DELETE', `/api/admin/flags/${BAD_PATH}`],
  ['flag explain', 'GET', `/api/admin/flags/${BAD_PATH}/explain`],
  ['flag percentage', 'PUT', `/api/admin/flags/${BAD_PATH}/enterprise-percentages/${ACME}`, { percent: 5 }],
  [
    'percentage uuid',
    'PUT',
    `/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/${BAD_PATH}`,
    {
      percent: 5,
    },
  ],
  ['flag sets', 'POST', '/api/admin/flags', { name: 'ok.flag', sets: [BAD] }],
  ['flag list by set', 'GET', `/api/admin/flags?set=${BAD_PATH}`],
  ['flag bulk set', 'POST', '/api/admin/flags/bulk', { action: 'add_to_set', names: ['ok.flag'], set: BAD }],
  ['flag set create', 'POST', '/api/admin/flag-sets', { name: BAD }],
  ['flag set create, long', 'POST', '/api/admin/flag-sets', { name: 's'.repeat(101) }],
  ['flag set get', 'GET', `/api/admin/flag-sets/${BAD_PATH}`],
  ['flag set patch', 'PATCH', `/api/admin/flag-sets/${BAD_PATH}`, { note: 'x' }],
  ['flag set delete', 'DELETE', `/api/admin/flag-sets/${BAD_PATH}`],
  ['waffle_status set', 'GET', `/waffle_status?set=${BAD_PATH}`],
  ['switch create', 'POST', '/api/admin/switches', { name: BAD }],
  ['switch patch', 'PATCH', `/api/admin/switches/${BAD_PATH}`, { active: true }],
  ['switch delete', 'DELETE', `/api/admin/switches/${BAD_PATH}`],
  ['sample create', 'POST', '/api/admin/samples', { name: BAD, percent: 5 }],
  ['sample patch', 'PATCH', `/api/admin/samples/${BAD_PATH}`, { percent: 5 }],
  ['sample delete', 'DELETE', `/api/admin/samples/${BAD_PATH}`],
  ['user create', 'POST', '/api/admin/users', { username: BAD }],
  ['user groups', 'POST', '/api/admin/users', { username: 'ok.user', groups: [LONG] }],
  ['user get', 'GET', `/api/admin/users/${BAD_PATH}`],
  ['user patch', 'PATCH', `/api/admin/users/${BAD_PATH}`, { is_staff: true }],
  ['group create', 'POST', '/api/admin/groups', { name: LONG }],
  ['learner link', 'POST', `/api/admin/enterprise-customers/${ACME}/learners`, { username: BAD }],
  ['learner unlink', 'DELETE', `/api/admin/enterprise-customers/${ACME}/learners/${BAD_PATH}`],
  ['learners of a bad uuid', 'GET', `/api/admin/enterprise-customers/${BAD_PATH}/learners`],
  ['import flag', 'POST', '/api/admin/import', { flags: [{ name: BAD }] }],
  ['import switch', 'POST', '/api/admin/import', { switches: [{ name: BAD, active: true }] }],
  ['import sample', 'POST', '/api/admin/import', { samples: [{ name: BAD, percent: 5 }] }],
  ['import user', 'POST', '/api/admin/import', { users: [{ username: BAD }] }],
  ['import group', 'POST', '/api/admin/import', { groups: [LONG] }],
  [
    'import customer',
    'POST',
    '/api/admin/import',
    {
      enterprise_customers: [
        { uuid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', slug: 'Bad Slug', name: 'n', active: true },
      ],
    },
  ],
  ['import dumpdata', 'POST', '/api/admin/import', [{ model: 'waffle.flag', fields: { name: BAD } }]],
  ['import flag set', 'POST', '/api/admin/import', { flag_sets: [{ name: BAD }] }],
  ['import flag in a set', 'POST', '/api/admin/import', { flags: [{ name: 'ok.flag', sets: [BAD] }] }],
  [
    'import default set',
    'POST',
    `/api/admin/import?default_set=${BAD_PATH}`,
    [{ model: 'waffle.flag', fields: { name: 'ok.flag' } }],
  ],
];

/** Name rules (DESIGN.md) hold wherever a name enters: bodies, bulk, import, URLs, the CLI. */
export function describeNameRules(dialect: TestDialect): void {
  describe(`name rules at every entry point on ${dialect}`, () => {
    const demo = useDemoApp(dialect);

    it.each(HTTP_ENTRIES)(
      'rejects an invalid name through %s with a 400 and writes nothing',
      async (_label, method, path, body) => {
        const before = await dumpDatabase(demo.app.runtime.sequelize);
        const response = await rawRequest(demo.app.url, demo.admin, {
          method,
          path,
          headers: { 'content-type': 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        expect(response.status, response.text).toBe(400);
        expect(isErrorShape(response.json)).toBe(true);
        expect((response.json as { error: { code: string } }).error.code).toBe('validation_error');
        expect(await dumpDatabase(demo.app.runtime.sequelize)).toEqual(before);
      },
    );

    // Each command starts the real bin in a new Node process (a second or two each).
    it('rejects an invalid name through every CLI command and writes nothing', {
      timeout: 90_000,
    }, async () => {
      const dir = demo.app.database.url.startsWith('sqlite:')
        ? join(demo.app.database.url.replace(/^sqlite:/, ''), '..')
        : process.env.TMPDIR || '/tmp';
      const dump = join(dir, `bad-names-${demo.app.database.name}.json`);
      writeFileSync(dump, JSON.stringify({ flags: [{ name: BAD }], groups: [LONG] }));
      const before = await dumpDatabase(demo.app.runtime.sequelize);
      const commands = [
        ['flag', BAD, '--create'],
        ['flag', 'ok.flag', '--create', '-u', BAD],
        ['switch', BAD, 'on', '--create'],
        ['sample', BAD, '5', '--create'],
        ['set', BAD, '--create'],
        ['flag', 'ok.flag', '--create', '-s', BAD],
        ['import', dump],
        ['createsuperuser', BAD, '--password', 'long enough password'],
      ];
      for (const args of commands) {
        const result = await runCli(demo.app.database.url, args);
        expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
        expect(result.stderr, args.join(' ')).toMatch(/Use 1-1[05]0 characters/);
      }
      expect(await dumpDatabase(demo.app.runtime.sequelize)).toEqual(before);
    });
  });
}
