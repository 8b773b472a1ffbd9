import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compile,
  evaluateAll,
  evaluateFlag,
  evaluateSwitches,
  sampleIsActive,
  switchIsActive,
} from './compile.js';
import { evaluate } from './evaluate.js';
import { ACME, anonymous, flag, GLOBEX, learner } from './test-support.js';
import type { EvaluationContext, Flag, FlagUser, TestingCookie } from './types.js';

const NAMES = ['a', 'b_c', 'd.e', 'F-g', 'new_nav'];
const UUIDS = [ACME, GLOBEX];
// Biased towards the edges, where the rules change.
const percentArb = fc.oneof(
  fc.constantFrom(0, 100),
  fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
);
const subsetOf = <T>(items: readonly T[]) => fc.subarray([...items]);

const flagArb = (name: string): fc.Arbitrary<Flag> =>
  fc.record({
    name: fc.constant(name),
    everyone: fc.constantFrom(null, null, null, true, false),
    percent: fc.option(percentArb),
    testing: fc.boolean(),
    superusers: fc.boolean(),
    staff: fc.boolean(),
    authenticated: fc.boolean(),
    languages: subsetOf(['en', 'fr', 'pt-br']),
    users: subsetOf(['alice', 'bob', '']),
    groups: subsetOf(['beta', 'ops']),
    rollout: fc.boolean(),
    enterprisePercentages: fc.dictionary(fc.constantFrom(...UUIDS), percentArb, { maxKeys: 2 }),
  });

const flagsArb = subsetOf(NAMES).chain((names) => fc.tuple(...names.map(flagArb)));

const userArb: fc.Arbitrary<FlagUser | null | undefined> = fc.oneof(
  fc.constantFrom(null, undefined, anonymous),
  fc.record({
    id: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.uuid()),
    username: fc.constantFrom('alice', 'bob', 'carol'),
    isAuthenticated: fc.constant(true),
    isStaff: fc.boolean(),
    isSuperuser: fc.boolean(),
    groups: subsetOf(['beta', 'ops', 'other']),
    language: fc.option(fc.constantFrom('en', 'fr', 'de')),
    linkedEnterpriseCustomerUuids: subsetOf(UUIDS),
  }),
);

const dwftArb = fc.dictionary(
  fc.constantFrom(...NAMES.map((n) => `dwft_${n}`)),
  fc.constantFrom('1', '0', 'True', 'False'),
  { maxKeys: 3 },
);

const ctxArb: fc.Arbitrary<EvaluationContext> = fc.record(
  {
    user: userArb,
    anonymousId: fc.option(fc.uuid()),
    language: fc.option(fc.constantFrom('en', 'fr', 'pt-br')),
    query: fc.oneof(dwftArb, fc.dictionary(fc.constantFrom(...NAMES), fc.constantFrom('1', '0'))),
    headers: fc.dictionary(
      fc.constantFrom(...NAMES.map((n) => `dwft-${n.replaceAll('_', '-').toLowerCase()}`), 'accept-language'),
      fc.constantFrom('1', '0', 'fr'),
    ),
    cookies: dwftArb,
    enterpriseCustomerUuid: fc.option(fc.constantFrom(ACME, GLOBEX, 'unknown-uuid')),
  },
  { requiredKeys: [] },
);

describe('evaluateAll', () => {
  it('equals evaluate called flag by flag, values and testing cookies alike', () => {
    fc.assert(
      fc.property(flagsArb, ctxArb, fc.boolean(), (flags, ctx, override) => {
        const cookies: TestingCookie[] = [];
        const all = evaluateAll(compile({ flags }, { override }), ctx, cookies);
        const one = flags.map((f) => evaluate(f, ctx, { override }));
        expect(all).toEqual(Object.fromEntries(flags.map((f, i) => [f.name, one[i]!.value])));
        expect(cookies).toEqual(one.flatMap((r) => (r.testingCookie ? [r.testingCookie] : [])));
      }),
      { numRuns: 3000 },
    );
  });

  it('turns a flag off for members of an enterprise at 0% even when the global percent is 100', () => {
    const compiled = compile({
      flags: [flag({ name: 'x', percent: 100, enterprisePercentages: { [ACME]: 0 } })],
    });
    const member = learner({ linkedEnterpriseCustomerUuids: [ACME] });
    expect(evaluateAll(compiled, { user: member, enterpriseCustomerUuid: ACME })).toEqual({ x: false });
    expect(evaluateAll(compiled, { user: member })).toEqual({ x: true });
  });

  it('equals evaluate flag by flag on large snapshots too (the path without a result template)', () => {
    fc.assert(
      fc.property(fc.array(flagArb('x'), { minLength: 130, maxLength: 130 }), ctxArb, (drafts, ctx) => {
        const flags = drafts.map((f, i) => ({ ...f, name: `flag_${i}` }));
        const expected = Object.fromEntries(flags.map((f) => [f.name, evaluate(f, ctx).value]));
        expect(evaluateAll(compile({ flags }), ctx)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('returns every flag of the snapshot and nothing else', () => {
    const compiled = compile({ flags: [flag({ name: 'x' }), flag({ name: 'y', everyone: true })] });
    expect(evaluateAll(compiled, { user: learner() })).toEqual({ x: false, y: true });
  });
});

describe('evaluateFlag', () => {
  const compiled = compile({ flags: [flag({ name: 'known', everyone: true })] });

  it('gives an unknown flag the configured default with reason unknown', () => {
    expect(evaluateFlag(compiled, 'nope', { user: learner() })).toEqual({ value: false, reason: 'unknown' });
    const lenient = compile({ flags: [] }, { flagDefault: true });
    expect(evaluateFlag(lenient, 'nope', {})).toEqual({ value: true, reason: 'unknown' });
  });

  it('never lets the override setting decide an unknown flag', () => {
    const overriding = compile({ flags: [] }, { override: true });
    expect(evaluateFlag(overriding, 'nope', { query: { nope: '1' } })).toEqual({
      value: false,
      reason: 'unknown',
    });
  });

  it('explains a known flag with its reason', () => {
    expect(evaluateFlag(compiled, 'known', {})).toEqual({ value: true, reason: 'everyone' });
  });
});

describe('switches and samples', () => {
  const compiled = compile({
    flags: [],
    switches: [
      { name: 'banner', active: true },
      { name: 'maintenance', active: false },
    ],
    samples: [
      { name: 'half', percent: 50 },
      { name: 'none', percent: 0 },
      { name: 'all', percent: 100 },
    ],
  });

  it('reads a switch as its active value, and an unknown switch as the default', () => {
    expect(switchIsActive(compiled, 'banner')).toBe(true);
    expect(switchIsActive(compiled, 'maintenance')).toBe(false);
    expect(switchIsActive(compiled, 'unknown')).toBe(false);
    expect(switchIsActive(compile({ flags: [] }, { switchDefault: true }), 'unknown')).toBe(true);
  });

  it('lists every switch with its value, once per snapshot', () => {
    expect(evaluateSwitches(compiled)).toEqual({ banner: true, maintenance: false });
    expect(evaluateSwitches(compiled)).toBe(evaluateSwitches(compiled));
  });

  it('draws a sample afresh on every evaluation from the given random source', () => {
    const draws = [0.1, 0.49, 0.5, 0.99];
    const random = () => draws.shift()!;
    expect([1, 2, 3, 4].map(() => sampleIsActive(compiled, 'half', random))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('is never on at 0% and always on at 100%', () => {
    expect(sampleIsActive(compiled, 'none', () => 0)).toBe(false);
    expect(sampleIsActive(compiled, 'all', () => 0.999999)).toBe(true);
    expect(sampleIsActive(compiled, 'unknown', () => 0)).toBe(false);
  });

  it('is on for about its percentage of draws with the default random source', () => {
    let on = 0;
    for (let i = 0; i < 20_000; i++) if (sampleIsActive(compiled, 'half')) on++;
    expect(on / 20_000).toBeGreaterThan(0.47);
    expect(on / 20_000).toBeLessThan(0.53);
  });
});
