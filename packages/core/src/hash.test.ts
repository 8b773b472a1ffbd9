import fc from 'fast-check';
import murmurhash from 'murmurhash';
import { describe, expect, it } from 'vitest';
import { hashContinue, hashPrefix, murmur3 } from './hash.js';

describe('murmur3', () => {
  it('matches the published MurmurHash3 x86_32 vectors (seed 0)', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('hello')).toBe(613153351);
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });

  it('agrees with an independent implementation over arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(murmur3(text)).toBe(murmurhash.v3(text, 0));
      }),
      { numRuns: 2000 },
    );
  });

  it('encodes lone surrogates as U+FFFD, like TextEncoder', () => {
    expect(murmur3('a\ud800b')).toBe(murmur3('a\ufffdb'));
  });

  it('gives the same hash when continued from any prefix as in one go', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (a, b) => {
          expect(hashContinue(hashPrefix(a), b)).toBe(murmur3(a + b));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
