import {
  adminEnterpriseCustomerSchema,
  adminUserSchema,
  errorResponseSchema,
  flagBulkResponseSchema,
  flagSchema,
  groupSchema,
  importSummarySchema,
  linkedLearnerSchema,
  sampleSchema,
  switchSchema,
} from '@waffle-kit/contract';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEMO_ENTERPRISES } from '../../src/demo-api/demo-seed.js';
import type { TestApp } from '../helpers/create-test-app.js';
import { changedTables, dumpDatabase } from '../helpers/database-dump.js';
import { useDemoApp } from '../helpers/demo-app.js';
import { expectShape } from '../helpers/expect-shape.js';
import type { TestDialect } from '../helpers/test-database.js';

const ACME = DEMO_ENTERPRISES[0].uuid;
const AUDIT_TABLE = 'waffle_audit_log';
const FLAG = 'enterprise.dashboard_v2';

/** Every kind of admin write, each valid: [label, method, path, body, the contract's answer (none: 204)]. */
const WRITES: Array<[string, string, string, unknown?, z.ZodType?]> = [
  ['flag create', 'POST', '/api/admin/flags', { name: 'atomic.new_flag', everyone: true }, flagSchema],
  ['flag update', 'PATCH', `/api/admin/flags/${FLAG}`, { percent: 77, note: 'changed' }, flagSchema],
  ['flag delete', 'DELETE', '/api/admin/flags/enterprise.legacy_reports'],
  [
    'enterprise percentage',
    'PUT',
    `/api/admin/flags/${FLAG}/enterprise-percentages/${ACME}`,
    { percent: 5 },
    flagSchema,
  ],
  [
    'enterprise percentage delete',
    'DELETE',
    `/api/admin/flags/${FLAG}/enterprise-percentages/${ACME}`,
    undefined,
    flagSchema,
  ],
  [
    'bulk',
    'POST',
    '/api/admin/flags/bulk',
    { action: 'enable_everyone', names: [FLAG, 'enterprise.gradual_rollout'] },
    flagBulkResponseSchema,
  ],
  ['switch create', 'POST', '/api/admin/switches', { name: 'atomic.switch', active: true }, switchSchema],
  [
    'switch update',
    'PATCH',
    '/api/admin/switches/enterprise.maintenance_banner',
    { active: true },
    switchSchema,
  ],
  ['sample update', 'PATCH', '/api/admin/samples/enterprise.survey_prompt', { percent: 90 }, sampleSchema],
  [
    'user create',
    'POST',
    '/api/admin/users',
    { username: 'atomic.user', groups: ['beta-testers'] },
    adminUserSchema,
  ],
  ['user update', 'PATCH', '/api/admin/users/dave', { is_staff: true }, adminUserSchema],
  ['group create', 'POST', '/api/admin/groups', { name: 'atomic-group' }, groupSchema],
  [
    'customer create',
    'POST',
    '/api/admin/enterprise-customers',
    { slug: 'atomic', name: 'Atomic' },
    adminEnterpriseCustomerSchema,
  ],
  [
    'learner link',
    'POST',
    `/api/admin/enterprise-customers/${ACME}/learners`,
    { username: 'dave' },
    linkedLearnerSchema,
  ],
  ['learner unlink', 'DELETE', `/api/admin/enterprise-customers/${ACME}/learners/alice`],
  [
    'import',
    'POST',
    '/api/admin/import',
    { flags: [{ name: 'atomic.imported', everyone: true }], switches: [{ name: 'atomic.s2', active: true }] },
    importSummarySchema,
  ],
];

/** Makes every insert into the audit table fail, as a full disk or a broken constraint would. */
async function refuseAuditEntries(app: TestApp, dialect: TestDialect): Promise<() => Promise<void>> {
  const { sequelize } = app.runtime;
  if (dialect === 'sqlite') {
    await sequelize.query(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON ${AUDIT_TABLE} BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    return async () => void (await sequelize.query('DROP TRIGGER refuse_audit'));
  }
  await sequelize.query(
    `CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql`,
  );
  await sequelize.query(
    `CREATE TRIGGER refuse_audit BEFORE INSERT ON ${AUDIT_TABLE} FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
  );
  return async () => {
    await sequelize.query(`DROP TRIGGER refuse_audit ON ${AUDIT_TABLE}`);
    await sequelize.query('DROP FUNCTION refuse_audit()');
  };
}

/**
 * DESIGN.md: a change and its audit entry are written in the same transaction. If the audit
 * entry cannot be written, the change must not be there either: not in the database, not in the
 * flags learners get. Every kind of admin write is tried with audit inserts refused, then again
 * with them allowed (each then lands with its entry).
 */
export function describeAuditAtomicity(dialect: TestDialect): void {
  describe(`admin writes and their audit entries on ${dialect}`, () => {
    const demo = useDemoApp(dialect);

    const learnerFlags = async () =>
      (await demo.learner.post('/api/v1/bffs/learner/dashboard/', { enterprise_customer_slug: 'acme' })).body;

    it('writes nothing of a change whose audit entry fails, and lands every change with its entry once it can', async () => {
      const allow = await refuseAuditEntries(demo.app, dialect);
      const refused: string[] = [];
      let before = await dumpDatabase(demo.app.runtime.sequelize, ['waffle_sessions']);
      const flagsBefore = await learnerFlags();
      try {
        for (const [label, method, path, body] of WRITES) {
          const response = await demo.admin.request(method, path, { body });
          expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(500);
          expect(expectShape(errorResponseSchema, response.body, label).error.code, label).toBe(
            'internal_error',
          );
          const after = await dumpDatabase(demo.app.runtime.sequelize, ['waffle_sessions']);
          expect(
            changedTables(before, after),
            `${label} changed the database without its audit entry`,
          ).toEqual([]);
          refused.push(label);
        }
        const flagsAfter = await learnerFlags();
        expect(flagsAfter.enterprise_features).toEqual(flagsBefore.enterprise_features);
        expect(flagsAfter.enterprise_features_meta.version).toBe(
          flagsBefore.enterprise_features_meta.version,
        );
      } finally {
        await allow();
      }

      let landed = 0;
      for (const [label, method, path, body, answer] of WRITES) {
        before = await dumpDatabase(demo.app.runtime.sequelize, ['waffle_sessions']);
        const response = await demo.admin.request(method, path, { body });
        expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
        if (answer) expectShape(answer, response.body, label);
        else expect(response.status, `${label} answers without a body`).toBe(204);
        const after = await dumpDatabase(demo.app.runtime.sequelize, ['waffle_sessions']);
        expect(after[AUDIT_TABLE]!.length, label).toBeGreaterThan(before[AUDIT_TABLE]!.length);
        landed++;
      }
      console.log(
        `[faults] audit atomicity (${dialect}): ${refused.length} kinds of admin write with audit inserts refused -> ` +
          `${refused.length} x 5xx, 0 tables changed, learner flags unchanged; allowed again -> ${landed} landed with audit entries`,
      );
    });
  });
}
