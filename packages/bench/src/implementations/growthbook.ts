import {
  type ConditionInterface,
  type FeatureDefinition,
  type FeatureRule,
  GrowthBookClient,
  type UserContext,
} from '@growthbook/growthbook';
import type { Scenario, ScenarioFlag } from '../scenario/scenario.js';
import { type Implementation, perFlagEvaluator } from './implementation.js';

/** A percentage rollout rule: on for `percent`% of users, hashed on their id with the flag as seed. */
const rolloutRule = (flag: ScenarioFlag, percent: number, condition?: ConditionInterface): FeatureRule => ({
  ...(condition ? { condition } : {}),
  force: true,
  coverage: percent / 100,
  hashAttribute: 'id',
  seed: flag.name,
  hashVersion: 2,
});

/** The scenario as GrowthBook features: force rules with conditions, rollouts by coverage. */
export function growthbookFeatures(scenario: Scenario): Record<string, FeatureDefinition> {
  const features: Record<string, FeatureDefinition> = {};
  for (const flag of scenario.flags) {
    switch (flag.kind) {
      case 'on':
        features[flag.name] = { defaultValue: true };
        break;
      case 'off':
        features[flag.name] = { defaultValue: false };
        break;
      case 'allow':
        features[flag.name] = {
          defaultValue: false,
          rules: [{ condition: { username: { $in: [...flag.allowed] } }, force: true }],
        };
        break;
      case 'percent':
        features[flag.name] = { defaultValue: false, rules: [rolloutRule(flag, flag.percent)] };
        break;
      case 'enterprise':
        features[flag.name] = {
          defaultValue: false,
          rules: [
            { condition: { isStaff: true }, force: true },
            ...[...flag.enterprisePercents].map(([uuid, percent]) =>
              rolloutRule(flag, percent, { enterpriseCustomerUuid: uuid }),
            ),
          ],
        };
        break;
    }
  }
  return features;
}

/** GrowthBook's multi-user server client, initialised synchronously from a payload (no fetch). */
export const growthbook: Implementation = {
  name: 'GrowthBook',
  packageName: '@growthbook/growthbook',
  call: 'GrowthBookClient.isOn(name, userContext) for each flag',
  async prepare(scenario) {
    const client = new GrowthBookClient().initSync({ payload: { features: growthbookFeatures(scenario) } });
    const names = scenario.flags.map((flag) => flag.name);
    const contexts: UserContext[] = scenario.users.map((user) => ({
      attributes: {
        id: user.id,
        username: user.username,
        isStaff: user.isStaff,
        enterpriseCustomerUuid: user.customerUuid,
      },
    }));
    return perFlagEvaluator(
      names,
      contexts,
      (name, context) => client.isOn(name, context),
      () => client.destroy(),
    );
  },
};
