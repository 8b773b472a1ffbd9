import { bucketThreshold } from './bucket.js';
import type { FlagEvaluation } from './types.js';

const RULES: Record<FlagEvaluation['reason'], string> = {
  unknown: 'the flag does not exist, so the default applies',
  override: 'the override query parameter',
  everyone: 'everyone is set',
  testing: 'testing mode (dwft_)',
  language: 'the request language is listed',
  no_user: 'the request has no user',
  authenticated: 'the user is authenticated',
  staff: 'the user is staff',
  superuser: 'the user is a superuser',
  user: 'the user is listed',
  group: 'the user is in a listed group',
  enterprise_percent: 'enterprise percentage',
  percent: 'percentage',
  no_subject: 'no user id or anonymous id to bucket',
  default: 'no rule turned it on',
};

/**
 * One line for people: why a flag is on or off.
 *
 * @example
 * describeEvaluation(result, { enterpriseName: 'Acme' });
 * // "on: enterprise percentage 30% for Acme, bucket 212 < 300"
 */
export function describeEvaluation(result: FlagEvaluation, names: { enterpriseName?: string } = {}): string {
  const state = result.value ? 'on' : 'off';
  const rule = RULES[result.reason];
  if (result.bucket === undefined || result.percent === undefined) return `${state}: ${rule}`;
  const threshold = bucketThreshold(result.percent);
  const comparison = `bucket ${result.bucket} ${result.value ? '<' : '>='} ${threshold}`;
  const whose =
    result.reason === 'enterprise_percent'
      ? ` for ${names.enterpriseName ?? result.enterpriseCustomerUuid}`
      : '';
  return `${state}: ${rule} ${result.percent}%${whose}, ${comparison}`;
}
