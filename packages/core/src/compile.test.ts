import { describe, expect, it } from 'vitest';
import {
  compile,
  evaluateAll,
  evaluateFlag,
  evaluateSwitches,
  sampleIsActive,
  switchIsActive,
} from './compile.js';
import { ACME, anonymous, flag, learner } from './test-support.js';
import type { TestingCookie } from './types.js';

describe('evaluateAll', () => {
  it('turns a flag off for members of an enterprise at 0% even when the global percent is 100', () => {
    const compiled = compile({
      flags: [flag({ name: 'x', percent: 100, enterprisePercentages: { [ACME]: 0 } })],
    });
    const member = learner({ linkedEnterpriseCustomerUuids: [ACME] });
    expect(evaluateAll(compiled, { user: member, enterpriseCustomerUuid: ACME })).toEqual({ x: false });
    expect(evaluateAll(compiled, { user: member })).toEqual({ x: true });
  });

  it('decides every flag of a snapshot too large for a result template', () => {
    // 130 flags: on for everyone, off for everyone, on for staff, and 100% for ACME members.
    const kinds = [
      { everyone: true },
      { everyone: false },
      { staff: true },
      { enterprisePercentages: { [ACME]: 100 } },
    ];
    const flags = Array.from({ length: 130 }, (_, i) => flag({ name: `flag_${i}`, ...kinds[i % 4] }));
    const expected = (on: (kind: number) => boolean) =>
      Object.fromEntries(flags.map((f, i) => [f.name, on(i % 4)]));
    const member = learner({ linkedEnterpriseCustomerUuids: [ACME] });
    const compiled = compile({ flags });
    expect(evaluateAll(compiled, { user: member, enterpriseCustomerUuid: ACME })).toEqual(
      expected((kind) => kind === 0 || kind === 3),
    );
    expect(evaluateAll(compiled, { user: learner({ isStaff: true }) })).toEqual(
      expected((kind) => kind === 0 || kind === 2),
    );
  });

  it('pushes the testing cookie a query or header value asks for, and none for a cookie', () => {
    const compiled = compile({
      flags: [flag({ name: 'new_nav', testing: true }), flag({ name: 'dark_mode', testing: true })],
    });
    const cookies: TestingCookie[] = [];
    const values = evaluateAll(
      compiled,
      { user: anonymous, headers: { 'dwft-new-nav': '1' }, cookies: { dwft_dark_mode: 'False' } },
      cookies,
    );
    expect(values).toEqual({ new_nav: true, dark_mode: false });
    expect(cookies).toEqual([{ name: 'dwft_new_nav', value: 'True' }]);
  });

  it('lets ?<name>=1|0 decide only when compiled with the override setting', () => {
    const flags = [flag({ name: 'x', everyone: false })];
    const ctx = { user: learner(), query: { x: '1' } };
    expect(evaluateAll(compile({ flags }, { override: true }), ctx)).toEqual({ x: true });
    expect(evaluateAll(compile({ flags }), ctx)).toEqual({ x: false });
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
