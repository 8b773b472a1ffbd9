import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elsewhere, inAcme, result, why } from '../examples/quick-start.js';
import { murmur3 } from './hash.js';
import { bucketOf } from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the quick-start example verbatim', () => {
    const example = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8');
    expect(readme).toContain(example);
  });

  it('states what the quick-start example really returns', () => {
    expect(result).toEqual({
      value: true,
      reason: 'enterprise_percent',
      bucket: 211,
      percent: 30,
      enterpriseCustomerUuid: 'acme-uuid',
    });
    expect(why).toBe('on: enterprise percentage 30% for Acme, bucket 211 < 300');
    expect(inAcme).toEqual({ 'enterprise.dashboard_v2': true });
    expect(elsewhere).toEqual({ 'enterprise.dashboard_v2': false });
  });

  it('lists at least ten bucketing test vectors, each of which holds', () => {
    const rows = [...readme.matchAll(/^\| `([^`]+)` *\| `([^`]+)` *\| (\d+) *\| (\d+) *\|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const [, flagName, subject, hash, bucket] of rows) {
      expect(murmur3(`${flagName}:${subject}`), `${flagName}:${subject}`).toBe(Number(hash));
      expect(bucketOf(flagName!, subject!), `${flagName}:${subject}`).toBe(Number(bucket));
    }
  });
});
