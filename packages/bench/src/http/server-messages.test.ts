import { describe, expect, it } from 'vitest';
import { statementsReadingFlags } from './server-messages.js';

describe('statementsReadingFlags', () => {
  it('picks the statements that name a table holding flag state', () => {
    const statements = [
      'Executing (default): SELECT * FROM "waffle_flags" AS "Flag";',
      'Executing (default): SELECT "version" FROM "waffle_snapshot_version" LIMIT 1;',
      'Executing (default): SELECT * FROM "waffle_enterprise_flag_percentages";',
      'Executing (default): SELECT * FROM "waffle_sessions" WHERE "id" = 1;',
      'Executing (default): SELECT * FROM "waffle_switches";',
    ];
    expect(statementsReadingFlags(statements)).toEqual([statements[0], statements[2], statements[4]]);
  });

  it('finds nothing in the statements a dashboard request runs', () => {
    expect(
      statementsReadingFlags([
        'SELECT * FROM "waffle_enterprise_customer_users" WHERE "user_id" = 1;',
        'SELECT * FROM "waffle_enterprise_course_enrollments";',
      ]),
    ).toEqual([]);
  });
});
