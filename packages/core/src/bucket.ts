import { type HashState, hashContinue, hashPrefix, hashSubject, murmur3 } from './hash.js';

/** Buckets per flag: a percentage with one decimal maps to a whole number of buckets. */
export const BUCKETS = 1000;

/**
 * The subject's bucket for a flag, 0-999: `murmur3(flagName + ":" + subject) mod 1000`.
 * Deterministic, so a user gets the same answer on every device and through every service.
 *
 * @example
 * bucketOf('enterprise.dashboard_v2', '42'); // the same number, everywhere, forever
 */
export function bucketOf(flagName: string, subject: string): number {
  return murmur3(`${flagName}:${subject}`) % BUCKETS;
}

/** The hash state of `flagName + ":"`, computed once per flag by `compile`. */
export function bucketSalt(flagName: string): HashState {
  return hashPrefix(`${flagName}:`);
}

/** `bucketOf` with the flag's salt computed beforehand. */
export function bucketFromSalt(salt: HashState, subject: string): number {
  return hashContinue(salt, subject) % BUCKETS;
}

/**
 * How many buckets a percentage turns on: 33.3% -> 333. Rounded so that float noise
 * (33.3 * 10 = 333.00000000000006) never lets bucket 333 in.
 */
export function bucketThreshold(percent: number): number {
  return Math.round(percent * 10);
}

/** `bucketFromSalt` for the subject last given to `encodeSubject` (`count` is what it returned). */
export function bucketFromEncodedSubject(salt: HashState, count: number): number {
  return hashSubject(salt, count) % BUCKETS;
}
