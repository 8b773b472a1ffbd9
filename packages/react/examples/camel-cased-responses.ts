/** waffle-kit's fields in a response: their keys are flag names, switch names and customer uuids. */
const FLAG_FIELDS = new Set([
  'enterprise_features',
  'enterprise_features_by_customer',
  'enterprise_features_meta',
  'waffle_switches',
]);

/**
 * For an app that runs every response through `camelCaseObject` (`@edx/frontend-platform/utils`):
 * camelCases the host's fields and keeps waffle-kit's as they came, so `useFlag` finds them.
 */
export function camelCaseKeepingFlags(
  data: Record<string, unknown>,
  camelCaseObject: (value: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !FLAG_FIELDS.has(key)));
  const flags = Object.fromEntries(Object.entries(data).filter(([key]) => FLAG_FIELDS.has(key)));
  return { ...camelCaseObject(rest), ...flags };
}
