import {
  basicLogger,
  init,
  integrations,
  type LDContext,
  type LDFlagsState,
} from '@launchdarkly/node-server-sdk';
import type { Scenario, ScenarioFlag } from '../scenario/scenario.js';
import type { Evaluator, Implementation } from './implementation.js';

const ON = 0;
const OFF = 1;

/** LaunchDarkly rollout weights are in thousandths of a percent. */
const rollout = (percent: number) => ({
  variations: [
    { variation: ON, weight: percent * 1000 },
    { variation: OFF, weight: 100_000 - percent * 1000 },
  ],
});

const clause = (attribute: string, values: unknown[]) => ({
  contextKind: 'user',
  attribute,
  op: 'in',
  values,
  negate: false,
});

/**
 * The scenario as LaunchDarkly flag data (what TestData's `usePreconfiguredFlag` takes): user
 * targets for allow lists (the context key is the username), rules with rollouts for the rest.
 */
export function launchDarklyFlags(scenario: Scenario) {
  return scenario.flags.map(launchDarklyFlag);
}

function launchDarklyFlag(flag: ScenarioFlag) {
  const base = {
    key: flag.name,
    version: 1,
    on: flag.kind !== 'off',
    variations: [true, false],
    offVariation: OFF,
    salt: flag.name,
    targets: [] as unknown[],
    contextTargets: [] as unknown[],
    rules: [] as unknown[],
    prerequisites: [],
    fallthrough: { variation: OFF } as unknown,
    trackEvents: false,
    trackEventsFallthrough: false,
    clientSide: false,
    deleted: false,
  };
  switch (flag.kind) {
    case 'on':
      return { ...base, fallthrough: { variation: ON } };
    case 'off':
      return base;
    case 'allow':
      return { ...base, targets: [{ values: [...flag.allowed], variation: ON }] };
    case 'percent':
      return { ...base, fallthrough: { rollout: rollout(flag.percent) } };
    case 'enterprise':
      return {
        ...base,
        rules: [
          { id: 'staff', clauses: [clause('isStaff', [true])], variation: ON, trackEvents: false },
          ...[...flag.enterprisePercents].map(([uuid, percent]) => ({
            id: uuid,
            clauses: [clause('enterpriseCustomerUuid', [uuid])],
            rollout: rollout(percent),
            trackEvents: false,
          })),
        ],
      };
  }
}

/** The Node server SDK fed by TestData: no network, events and diagnostics off. */
export const launchDarkly: Implementation = {
  name: 'LaunchDarkly',
  packageName: '@launchdarkly/node-server-sdk',
  call: 'await allFlagsState(context)',
  async prepare(scenario) {
    const td = new integrations.TestData();
    for (const flag of launchDarklyFlags(scenario)) {
      // biome-ignore lint/correctness/useHookAtTopLevel: a TestData method, not a React hook.
      await td.usePreconfiguredFlag(flag);
    }
    const client = init('sdk-bench-no-network', {
      updateProcessor: td.getFactory(),
      sendEvents: false,
      diagnosticOptOut: true,
      logger: basicLogger({ level: 'none' }),
    });
    await client.waitForInitialization({ timeout: 10 });
    const contexts: LDContext[] = scenario.users.map((user) => ({
      kind: 'user',
      key: user.username,
      id: user.id,
      isStaff: user.isStaff,
      enterpriseCustomerUuid: user.customerUuid,
    }));
    const evaluator: Evaluator<LDFlagsState> = {
      async: true,
      evaluate: (index) => client.allFlagsState(contexts[index]!),
      read: (state, flag) => state.getFlagValue(flag.name) as boolean,
      close: () => client.close(),
    };
    return evaluator as Evaluator;
  },
};
