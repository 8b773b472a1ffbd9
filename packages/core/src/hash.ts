/**
 * MurmurHash3, x86 32-bit variant, seed 0, over the UTF-8 bytes of a string: the published hash
 * behind every bucket (see README.md for the definition and test vectors).
 *
 * It is written as a small streaming state so the compiled form can hash `flagName + ":"` once,
 * at compile time, and only the subject's bytes per request.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The hash state after some bytes: `h` over the whole 4-byte blocks, the rest pending. */
export interface HashState {
  readonly h: number;
  /** Up to 3 bytes not yet mixed, little-endian. */
  readonly pending: number;
  readonly pendingLength: number;
  readonly length: number;
}

export const EMPTY_HASH_STATE: HashState = { h: 0, pending: 0, pendingLength: 0, length: 0 };

function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  let next = h ^ k;
  next = (next << 13) | (next >>> 19);
  return (Math.imul(next, 5) + 0xe6546b64) | 0;
}

function finish(h: number, pending: number, pendingLength: number, length: number): number {
  let out = h;
  if (pendingLength > 0) {
    let k = Math.imul(pending, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    out ^= k;
  }
  out ^= length;
  out ^= out >>> 16;
  out = Math.imul(out, 0x85ebca6b);
  out ^= out >>> 13;
  out = Math.imul(out, 0xc2b2ae35);
  out ^= out >>> 16;
  return out >>> 0;
}

// One scratch buffer: encoding is synchronous, so reusing it is safe and saves an allocation
// per hash on the hot path.
let scratch = new Uint8Array(256);

/** Writes the UTF-8 bytes of `text` into the scratch buffer and returns how many there are. */
function encodeUtf8(text: string): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const out = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          out[n++] = 0xf0 | (c >> 18);
          out[n++] = 0x80 | ((c >> 12) & 0x3f);
          out[n++] = 0x80 | ((c >> 6) & 0x3f);
          out[n++] = 0x80 | (c & 0x3f);
          continue;
        }
      }
      // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

// Where `absorb` leaves the state it reached: module variables rather than a returned object, so
// the per-request hash allocates nothing.
let absorbedH = 0;
let absorbedPending = 0;
let absorbedPendingLength = 0;

/** Mixes `count` bytes of `bytes` into `state`, 4-byte block by block; the result is `absorbed*`. */
function absorb(state: HashState, bytes: Uint8Array, count: number): void {
  let { h, pending, pendingLength } = state;
  for (let i = 0; i < count; i++) {
    pending |= bytes[i]! << (pendingLength * 8);
    if (++pendingLength === 4) {
      h = mixBlock(h, pending);
      pending = 0;
      pendingLength = 0;
    }
  }
  absorbedH = h;
  absorbedPending = pending;
  absorbedPendingLength = pendingLength;
}

/** The state after hashing `text`, to be continued with `hashContinue`. */
export function hashPrefix(text: string): HashState {
  const count = encodeUtf8(text);
  absorb(EMPTY_HASH_STATE, scratch, count);
  return { h: absorbedH, pending: absorbedPending, pendingLength: absorbedPendingLength, length: count };
}

/** MurmurHash3 (x86, 32-bit, seed 0) of the prefix's bytes followed by those of `text`. */
export function hashContinue(prefix: HashState, text: string): number {
  return hashContinueBytes(prefix, scratch, encodeUtf8(text));
}

/** MurmurHash3 (x86, 32-bit, seed 0) of the prefix's bytes followed by `count` bytes of `bytes`. */
export function hashContinueBytes(prefix: HashState, bytes: Uint8Array, count: number): number {
  absorb(prefix, bytes, count);
  return finish(absorbedH, absorbedPending, absorbedPendingLength, prefix.length + count);
}

// The subject's bytes, kept apart from `scratch` so one request can hash them against every
// flag's salt after encoding them once.
let subjectBytes = new Uint8Array(64);

/** Encodes `subject` as UTF-8 for `hashSubject`; valid until the next call. Returns the byte count. */
export function encodeSubject(subject: string): number {
  const count = encodeUtf8(subject);
  if (subjectBytes.length < count) subjectBytes = new Uint8Array(count * 2);
  subjectBytes.set(scratch.subarray(0, count));
  return count;
}

/** `hashContinue(prefix, subject)` for the subject last given to `encodeSubject`. */
export function hashSubject(prefix: HashState, count: number): number {
  return hashContinueBytes(prefix, subjectBytes, count);
}

/** MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes of `text`, as an unsigned integer. */
export function murmur3(text: string): number {
  return hashContinue(EMPTY_HASH_STATE, text);
}
