import { InMemStorageProvider, Unleash } from 'unleash-client';
import type { Scenario, ScenarioFlag } from '../scenario/scenario.js';
import { type Implementation, perFlagEvaluator } from './implementation.js';

interface Constraint {
  contextName: string;
  operator: 'IN';
  values: string[];
}

const strategy = (name: string, parameters: Record<string, string>, constraints: Constraint[] = []) => ({
  name,
  parameters,
  constraints,
});

const rollout = (flag: ScenarioFlag, percent: number, constraints: Constraint[] = []) =>
  strategy(
    'flexibleRollout',
    { rollout: String(percent), stickiness: 'userId', groupId: flag.name },
    constraints,
  );

/** The scenario as Unleash toggles, written as Unleash recommends: strategies with constraints. */
export function unleashFeatures(scenario: Scenario) {
  return scenario.flags.map(unleashFeature);
}

function unleashFeature(flag: ScenarioFlag) {
  const base = { name: flag.name, type: 'release', project: 'default', stale: false, variants: [] };
  switch (flag.kind) {
    case 'on':
      return { ...base, enabled: true, strategies: [strategy('default', {})] };
    case 'off':
      return { ...base, enabled: false, strategies: [strategy('default', {})] };
    case 'allow':
      return {
        ...base,
        enabled: true,
        strategies: [
          strategy('default', {}, [{ contextName: 'username', operator: 'IN', values: [...flag.allowed] }]),
        ],
      };
    case 'percent':
      return { ...base, enabled: true, strategies: [rollout(flag, flag.percent)] };
    case 'enterprise':
      return {
        ...base,
        enabled: true,
        strategies: [
          strategy('default', {}, [{ contextName: 'isStaff', operator: 'IN', values: ['true'] }]),
          ...[...flag.enterprisePercents].map(([uuid, percent]) =>
            rollout(flag, percent, [
              { contextName: 'enterpriseCustomerUuid', operator: 'IN', values: [uuid] },
            ]),
          ),
        ],
      };
  }
}

/**
 * unleash-client bootstrapped with the toggles: no fetch (refresh interval 0), no metrics, and a
 * URL on the discard port, so any request it tried would fail at once on this machine.
 */
export const unleashClient: Implementation = {
  name: 'unleash-client',
  packageName: 'unleash-client',
  call: 'isEnabled(name, context) for each flag',
  async prepare(scenario) {
    const unleash = new Unleash({
      appName: 'waffle-kit-bench',
      url: 'http://127.0.0.1:9/api/',
      refreshInterval: 0,
      disableMetrics: true,
      disableAutoStart: true,
      skipInstanceCountWarning: true,
      storageProvider: new InMemStorageProvider(),
      bootstrap: { data: unleashFeatures(scenario) as never },
    });
    unleash.on('error', () => {});
    // isEnabled answers its fallback until the client has emitted 'ready' (after the bootstrap).
    const ready = new Promise<void>((resolve) => unleash.once('ready', () => resolve()));
    await unleash.start();
    await ready;
    if (unleash.getFeatureToggleDefinitions().length !== scenario.flags.length) {
      throw new Error('unleash-client did not load its bootstrap');
    }
    const names = scenario.flags.map((flag) => flag.name);
    const contexts = scenario.users.map((user) => ({
      userId: user.id,
      properties: {
        username: user.username,
        isStaff: String(user.isStaff),
        enterpriseCustomerUuid: user.customerUuid,
      },
    }));
    return perFlagEvaluator(
      names,
      contexts,
      (name, context) => unleash.isEnabled(name, context),
      () => unleash.destroy(),
    );
  },
};
