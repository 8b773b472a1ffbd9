import { describe, expect, it } from 'vitest';
import { defineFlag, FLAG_DEFAULTS } from './define-flag.js';
import { describeEvaluation } from './describe.js';
import { evaluate } from './evaluate.js';
import { isValidFlagName, isValidPercent } from './names.js';
import { requestLanguage } from './request-language.js';
import { anonymous, flag, learner } from './test-support.js';
import { testingKeys } from './testing-mode.js';
import { isActiveForUser } from './user-rules.js';

describe('isActiveForUser', () => {
  it('is on for a user rule and off without one', () => {
    expect(isActiveForUser(flag({ staff: true }), learner({ isStaff: true }))).toBe(true);
    expect(isActiveForUser(flag({ staff: true }), learner())).toBe(false);
  });

  it('honours everyone: false, unlike Waffle', () => {
    expect(isActiveForUser(flag({ everyone: false, users: ['alice'] }), learner())).toBe(false);
    expect(isActiveForUser(flag({ everyone: true }), anonymous)).toBe(true);
  });
});

describe('requestLanguage', () => {
  it('takes the first Accept-Language tag without its quality', () => {
    expect(requestLanguage({ headers: { 'accept-language': 'pt-BR;q=0.9, en' } })).toBe('pt-BR');
    expect(requestLanguage({ headers: { 'accept-language': '*' } })).toBeUndefined();
    expect(requestLanguage({})).toBeUndefined();
  });
});

describe('testingKeys', () => {
  it('turns every underscore into a dash in the lower-case header name', () => {
    expect(testingKeys('New_Nav_v2')).toEqual({ param: 'dwft_New_Nav_v2', header: 'dwft-new-nav-v2' });
  });
});

describe('names and percentages', () => {
  it('accepts 1-100 characters of [A-Za-z0-9_.-] as a name', () => {
    expect(['a', 'enterprise.dashboard_v2', 'A-b', 'x'.repeat(100)].every(isValidFlagName)).toBe(true);
    expect(['', 'x'.repeat(101), 'a b', '../x', 'a%00', 'ü', 7, null].some(isValidFlagName)).toBe(false);
  });

  it('accepts 0.0-100.0 with at most one decimal as a percentage', () => {
    expect([0, 0.1, 33.3, 100].every(isValidPercent)).toBe(true);
    expect([-0.1, 100.1, 33.33, Number.NaN, Number.POSITIVE_INFINITY, '50', null].some(isValidPercent)).toBe(
      false,
    );
  });
});

describe('describeEvaluation', () => {
  it('says which rule decided, with the bucket arithmetic for percentages', () => {
    expect(describeEvaluation({ value: true, reason: 'staff' })).toBe('on: the user is staff');
    expect(describeEvaluation({ value: false, reason: 'percent', bucket: 700, percent: 50 })).toBe(
      'off: percentage 50%, bucket 700 >= 500',
    );
    expect(
      describeEvaluation({
        value: true,
        reason: 'enterprise_percent',
        bucket: 212,
        percent: 30,
        enterpriseCustomerUuid: 'u',
      }),
    ).toBe('on: enterprise percentage 30% for u, bucket 212 < 300');
  });
});

describe('defineFlag', () => {
  it("fills every field not given with Waffle's defaults and keeps the ones given", () => {
    expect(defineFlag({ name: 'x' })).toEqual({ name: 'x', ...FLAG_DEFAULTS });
    expect(defineFlag({ name: 'x', staff: true, users: ['alice'] })).toEqual({
      ...FLAG_DEFAULTS,
      name: 'x',
      staff: true,
      users: ['alice'],
    });
  });

  it('makes a flag that is on for superusers only, as a new Waffle flag is', () => {
    const fresh = defineFlag({ name: 'x' });
    expect(evaluate(fresh, { user: learner({ isSuperuser: true }) })).toMatchObject({
      value: true,
      reason: 'superuser',
    });
    expect(evaluate(fresh, { user: learner({ isStaff: true }) }).value).toBe(false);
    expect(evaluate(fresh, { user: learner() }).value).toBe(false);
    expect(evaluate(fresh, { user: anonymous, language: 'en' }).value).toBe(false);
    expect(evaluate(fresh, {}).value).toBe(false);
  });

  it('shares no mutable state between flags', () => {
    expect(Object.isFrozen(FLAG_DEFAULTS) && Object.isFrozen(FLAG_DEFAULTS.users)).toBe(true);
  });
});
