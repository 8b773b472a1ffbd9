import fc from 'fast-check';
import murmurhash from 'murmurhash';
import { describe, expect, it } from 'vitest';
import { bucketFromSalt, bucketOf, bucketSalt, bucketThreshold } from './bucket.js';
import { evaluate } from './evaluate.js';
import { flag, learner } from './test-support.js';

const nameArb = fc.stringMatching(/^[A-Za-z0-9_.-]{1,100}$/);
const subjectArb = fc.oneof(fc.nat().map(String), fc.uuid(), fc.string({ unit: 'grapheme', minLength: 1 }));
const percentArb = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);

describe('buckets', () => {
  it('are murmur3 of "<flag>:<subject>" mod 1000, by an independent implementation, salted or not', () => {
    fc.assert(
      fc.property(nameArb, subjectArb, (name, subject) => {
        const bucket = bucketOf(name, subject);
        // The published definition (README "Bucketing"), computed by the murmurhash package.
        expect(bucket).toBe(murmurhash.v3(`${name}:${subject}`, 0) % 1000);
        expect(bucketFromSalt(bucketSalt(name), subject)).toBe(bucket);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(1000);
      }),
      { numRuns: 2000 },
    );
  });

  it('never turn a subject off when a percentage is raised', () => {
    fc.assert(
      fc.property(nameArb, fc.integer({ min: 1 }), percentArb, percentArb, (name, id, p, q) => {
        const [lower, higher] = p <= q ? [p, q] : [q, p];
        const user = learner({ id });
        const before = evaluate(flag({ name, percent: lower }), { user }).value;
        const after = evaluate(flag({ name, percent: higher }), { user }).value;
        expect(before && !after).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('turn on a share of 100,000 subjects within 1 point of the percentage', () => {
    fc.assert(
      fc.property(nameArb, percentArb, (name, percent) => {
        const salt = bucketSalt(name);
        const threshold = bucketThreshold(percent);
        let on = 0;
        for (let id = 0; id < 100_000; id++) if (bucketFromSalt(salt, String(id)) < threshold) on++;
        expect(Math.abs((on / 100_000) * 100 - percent)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20 },
    );
  });

  it('map a one-decimal percentage to a whole number of buckets', () => {
    expect([0, 0.1, 33.3, 57.7, 99.9, 100].map(bucketThreshold)).toEqual([0, 1, 333, 577, 999, 1000]);
  });

  it('map a percentage carrying float noise to the intended number of buckets', () => {
    // 0.1 * 3 is 0.30000000000000004: bucket 3 must stay out of "0.3%".
    expect(bucketThreshold(0.1 * 3)).toBe(3);
    expect(bucketThreshold(0.7 * 20)).toBe(140);
  });
});
