import { describe, expect, it } from 'vitest';
import { bucketOf } from './bucket.js';
import { evaluate } from './evaluate.js';
import { ACME, anonymous, flag, GLOBEX, learner } from './test-support.js';

// Subjects whose bucket for the default test flag is known, found by search rather than guessed.
const flagName = flag().name;
const subjectWithBucket = (predicate: (bucket: number) => boolean): number => {
  for (let id = 1; id < 100_000; id++) if (predicate(bucketOf(flagName, String(id)))) return id;
  throw new Error('no subject found');
};

describe('evaluate: everyone', () => {
  it('turns the flag on for everybody, beating testing mode, user rules and percentages', () => {
    const f = flag({ everyone: true, testing: true, percent: 0, users: [] });
    const ctx = { user: anonymous, query: { [`dwft_${flagName}`]: '0' } };
    expect(evaluate(f, ctx)).toEqual({ value: true, reason: 'everyone' });
  });

  it('turns the flag off for everybody, even a listed superuser at 100%', () => {
    const f = flag({ everyone: false, percent: 100, users: ['root'], superusers: true });
    const root = learner({ username: 'root', isSuperuser: true });
    expect(evaluate(f, { user: root })).toEqual({ value: false, reason: 'everyone' });
  });

  it('beats an enterprise percentage of 100 with everyone false', () => {
    const f = flag({ everyone: false, enterprisePercentages: { [ACME]: 100 } });
    const member = learner({ linkedEnterpriseCustomerUuids: [ACME] });
    expect(evaluate(f, { user: member, enterpriseCustomerUuid: ACME }).reason).toBe('everyone');
  });
});

describe('evaluate: testing mode', () => {
  const f = flag({ testing: true, name: 'new_nav' });

  it('takes the query over the header over the cookie', () => {
    const all = {
      user: anonymous,
      query: { dwft_new_nav: '1' },
      headers: { 'dwft-new-nav': '0' },
      cookies: { dwft_new_nav: 'False' },
    };
    expect(evaluate(f, all).value).toBe(true);
    expect(evaluate(f, { ...all, query: {} }).value).toBe(false);
    expect(evaluate(f, { ...all, query: {}, headers: {}, cookies: { dwft_new_nav: 'True' } }).value).toBe(
      true,
    );
  });

  it('asks the server to set the session cookie for a query or header value, not for a cookie', () => {
    expect(evaluate(f, { user: anonymous, query: { dwft_new_nav: '1' } }).testingCookie).toEqual({
      name: 'dwft_new_nav',
      value: 'True',
    });
    expect(evaluate(f, { user: anonymous, headers: { 'dwft-new-nav': '0' } }).testingCookie).toEqual({
      name: 'dwft_new_nav',
      value: 'False',
    });
    expect(evaluate(f, { user: anonymous, cookies: { dwft_new_nav: 'True' } }).testingCookie).toBeUndefined();
  });

  it('reads anything but 1 in the query as off', () => {
    expect(evaluate(f, { user: anonymous, query: { dwft_new_nav: 'yes' } }).value).toBe(false);
  });

  it('ignores dwft_ values when the flag is not in testing mode', () => {
    const plain = flag({ name: 'new_nav', testing: false });
    const ctx = { user: anonymous, query: { dwft_new_nav: '1' }, cookies: { dwft_new_nav: 'True' } };
    expect(evaluate(plain, ctx)).toEqual({ value: false, reason: 'default' });
  });

  it('falls through to the other rules when no dwft_ value is given', () => {
    expect(evaluate(flag({ testing: true, staff: true }), { user: learner({ isStaff: true }) }).reason).toBe(
      'staff',
    );
  });
});

describe('evaluate: languages', () => {
  const f = flag({ languages: ['fr', 'pt-br'] });

  it('matches the request language exactly', () => {
    expect(evaluate(f, { user: null, language: 'fr' })).toEqual({ value: true, reason: 'language' });
    expect(evaluate(f, { user: null, language: 'fr-CA' }).value).toBe(false);
    expect(evaluate(f, { user: null, language: 'pt-BR' }).value).toBe(false);
  });

  it("takes the user's language before the first Accept-Language tag", () => {
    const headers = { 'accept-language': 'fr;q=0.9,en' };
    expect(evaluate(f, { user: learner({ language: 'en' }), headers }).value).toBe(false);
    expect(evaluate(f, { user: learner(), headers }).reason).toBe('language');
  });
});

describe('evaluate: the user', () => {
  it('is off with no user object at all, even at 99.9%', () => {
    expect(evaluate(flag({ percent: 99.9 }), { user: null })).toEqual({ value: false, reason: 'no_user' });
    expect(evaluate(flag({ percent: 99.9 }), {})).toEqual({ value: false, reason: 'no_user' });
  });

  it('is on for a superuser by default (superusers defaults to true) and off for anonymous', () => {
    expect(evaluate(flag(), { user: learner({ isSuperuser: true }) })).toEqual({
      value: true,
      reason: 'superuser',
    });
    expect(evaluate(flag(), { user: anonymous, anonymousId: 'a1' })).toEqual({
      value: false,
      reason: 'default',
    });
  });

  it('is off for a superuser when superusers is false', () => {
    expect(evaluate(flag({ superusers: false }), { user: learner({ isSuperuser: true }) }).value).toBe(false);
  });

  it('names the rule that turned it on: authenticated, staff, listed user, listed group', () => {
    expect(evaluate(flag({ authenticated: true }), { user: learner() }).reason).toBe('authenticated');
    expect(evaluate(flag({ authenticated: true }), { user: anonymous }).value).toBe(false);
    expect(evaluate(flag({ staff: true }), { user: learner({ isStaff: true }) }).reason).toBe('staff');
    expect(evaluate(flag({ staff: true }), { user: learner() }).value).toBe(false);
    expect(evaluate(flag({ users: ['alice'] }), { user: learner() }).reason).toBe('user');
    expect(evaluate(flag({ users: ['bob'] }), { user: learner() }).value).toBe(false);
    expect(evaluate(flag({ groups: ['beta'] }), { user: learner({ groups: ['x', 'beta'] }) }).reason).toBe(
      'group',
    );
    expect(evaluate(flag({ groups: ['beta'] }), { user: learner({ groups: ['x'] }) }).value).toBe(false);
  });

  it('never matches an anonymous visitor by an empty username', () => {
    expect(evaluate(flag({ users: [''] }), { user: anonymous }).value).toBe(false);
  });

  it('lets a user rule beat a 0% enterprise percentage', () => {
    const f = flag({ staff: true, enterprisePercentages: { [ACME]: 0 } });
    const staffMember = learner({ isStaff: true, linkedEnterpriseCustomerUuids: [ACME] });
    expect(evaluate(f, { user: staffMember, enterpriseCustomerUuid: ACME }).reason).toBe('staff');
  });
});

describe('evaluate: enterprise percentages', () => {
  const low = subjectWithBucket((b) => b < 300);
  const high = subjectWithBucket((b) => b >= 300);
  const f = flag({ percent: 0, enterprisePercentages: { [ACME]: 30, [GLOBEX]: 100 } });

  it('turns the flag on for a linked member whose bucket is below the percentage', () => {
    const member = learner({ id: low, linkedEnterpriseCustomerUuids: [ACME] });
    expect(evaluate(f, { user: member, enterpriseCustomerUuid: ACME })).toEqual({
      value: true,
      reason: 'enterprise_percent',
      bucket: bucketOf(flagName, String(low)),
      percent: 30,
      enterpriseCustomerUuid: ACME,
    });
    const other = learner({ id: high, linkedEnterpriseCustomerUuids: [ACME] });
    expect(evaluate(f, { user: other, enterpriseCustomerUuid: ACME }).value).toBe(false);
  });

  it('does not give an unlinked user the enterprise percentage', () => {
    const outsider = learner({ id: low, linkedEnterpriseCustomerUuids: [] });
    expect(evaluate(f, { user: outsider, enterpriseCustomerUuid: GLOBEX })).toEqual({
      value: false,
      reason: 'default',
    });
  });

  it('replaces the global percentage for a linked member, in both directions', () => {
    const member = learner({ id: high, linkedEnterpriseCustomerUuids: [ACME, GLOBEX] });
    const g = flag({ percent: 100, enterprisePercentages: { [ACME]: 0, [GLOBEX]: 100 } });
    expect(evaluate(g, { user: member, enterpriseCustomerUuid: ACME })).toMatchObject({
      value: false,
      reason: 'enterprise_percent',
    });
    expect(evaluate(g, { user: member })).toMatchObject({ value: true, reason: 'percent' });
    const h = flag({ percent: 0, enterprisePercentages: { [GLOBEX]: 100 } });
    expect(evaluate(h, { user: member, enterpriseCustomerUuid: GLOBEX }).value).toBe(true);
  });

  it('uses the global percentage in an enterprise that has no row for the flag', () => {
    const member = learner({ id: low, linkedEnterpriseCustomerUuids: [ACME] });
    const g = flag({ percent: 100, enterprisePercentages: { [GLOBEX]: 0 } });
    expect(evaluate(g, { user: member, enterpriseCustomerUuid: ACME }).reason).toBe('percent');
  });

  it('gives a user the same bucket under the global and every enterprise percentage', () => {
    const member = learner({ id: low, linkedEnterpriseCustomerUuids: [ACME, GLOBEX] });
    const g = flag({ percent: 50, enterprisePercentages: { [ACME]: 30, [GLOBEX]: 70 } });
    const buckets = [undefined, ACME, GLOBEX].map(
      (uuid) => evaluate(g, { user: member, enterpriseCustomerUuid: uuid }).bucket,
    );
    expect(new Set(buckets)).toEqual(new Set([bucketOf(flagName, String(low))]));
  });
});

describe('evaluate: global percentage', () => {
  it('is off for everybody at 0% and on for everybody at 100%', () => {
    for (let id = 1; id <= 500; id++) {
      expect(evaluate(flag({ percent: 0 }), { user: learner({ id }) }).value).toBe(false);
      expect(evaluate(flag({ percent: 100 }), { user: learner({ id }) }).value).toBe(true);
    }
  });

  it('buckets an anonymous visitor by the anonymous id', () => {
    const result = evaluate(flag({ percent: 50 }), { user: anonymous, anonymousId: 'anon-7f3c2a' });
    expect(result.bucket).toBe(bucketOf(flagName, 'anon-7f3c2a'));
  });

  it('is off for an anonymous visitor without an anonymous id', () => {
    expect(evaluate(flag({ percent: 100 }), { user: anonymous })).toEqual({
      value: false,
      reason: 'no_subject',
    });
  });

  it('keeps bucket 333 out of 33.3% (no float drift)', () => {
    const id = subjectWithBucket((b) => b === 333);
    expect(evaluate(flag({ percent: 33.3 }), { user: learner({ id }) }).value).toBe(false);
    const below = subjectWithBucket((b) => b === 332);
    expect(evaluate(flag({ percent: 33.3 }), { user: learner({ id: below }) }).value).toBe(true);
  });
});

describe('evaluate: override setting', () => {
  it('lets ?<name>=1|0 decide a known flag only when the override setting is on', () => {
    const f = flag({ everyone: false });
    const ctx = { user: anonymous, query: { [flagName]: '1' } };
    expect(evaluate(f, ctx, { override: true })).toEqual({ value: true, reason: 'override' });
    expect(evaluate(flag({ everyone: true }), { query: { [flagName]: '0' } }, { override: true }).value).toBe(
      false,
    );
    expect(evaluate(f, ctx).reason).toBe('everyone');
  });
});
