import type { EvaluationContext, TestingCookie } from './types.js';

/** The names under which testing mode looks for a flag's forced value. */
export interface TestingKeys {
  /** `dwft_<name>`: the query parameter and the cookie. */
  readonly param: string;
  /** `dwft-<name>` with every `_` a `-`, lower-case as Node gives header names. */
  readonly header: string;
}

export function testingKeys(flagName: string): TestingKeys {
  return {
    param: `dwft_${flagName}`,
    header: `dwft-${flagName.replaceAll('_', '-')}`.toLowerCase(),
  };
}

export interface TestingDecision {
  readonly value: boolean;
  /** Set when the value came from the query or a header: the response must remember it. */
  readonly cookie?: TestingCookie;
}

/**
 * Testing mode, as Waffle: the query (`1` is on, anything else off) beats the header, which beats
 * the `dwft_` cookie (`True` is on). `undefined` when none of them names the flag.
 */
export function readTestingMode(keys: TestingKeys, ctx: EvaluationContext): TestingDecision | undefined {
  const fromRequest = ctx.query?.[keys.param] ?? ctx.headers?.[keys.header];
  if (fromRequest !== undefined) {
    const value = fromRequest === '1';
    return { value, cookie: { name: keys.param, value: value ? 'True' : 'False' } };
  }
  const cookie = ctx.cookies?.[keys.param];
  if (cookie !== undefined) return { value: cookie === 'True' };
  return undefined;
}
