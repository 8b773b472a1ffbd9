import { describe, expect, it } from 'vitest';
import { flag, path, renamed } from '../examples/admin-flag.js';
import { flagSchema } from './admin/flag-schemas.js';

describe('the README admin example', () => {
  it('builds an encoded admin path, accepts the flag and rejects it with a renamed key', () => {
    expect(path).toBe(
      '/api/admin/flags/enterprise.dashboard_v2/enterprise-percentages/6d2f4a9e-1c3b-4e5f-8a7b-000000000a01',
    );
    expect(flagSchema.safeParse(flag).success).toBe(true);
    expect(renamed.success).toBe(false);
  });
});
