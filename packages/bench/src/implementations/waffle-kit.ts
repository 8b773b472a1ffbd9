import { compile, type EvaluationContext, evaluateAll, type Flag } from '@waffle-kit/core';
import type { Scenario, ScenarioFlag } from '../scenario/scenario.js';
import type { Evaluator, Implementation } from './implementation.js';

/** The scenario's flags as waffle-kit `Flag`s. */
export function waffleFlags(scenario: Scenario): Flag[] {
  return scenario.flags.map((flag: ScenarioFlag) => ({
    name: flag.name,
    everyone: flag.kind === 'on' ? true : flag.kind === 'off' ? false : null,
    percent: flag.kind === 'percent' ? flag.percent : null,
    testing: false,
    superusers: false,
    staff: flag.kind === 'enterprise',
    authenticated: false,
    languages: [],
    users: flag.allowed,
    groups: [],
    rollout: false,
    enterprisePercentages:
      flag.kind === 'enterprise' ? Object.fromEntries(flag.enterprisePercents) : undefined,
  }));
}

/** One context per user, as the server's middleware would build it from a request. */
export function waffleContexts(scenario: Scenario): EvaluationContext[] {
  return scenario.users.map((user) => ({
    user: {
      id: user.id,
      username: user.username,
      isAuthenticated: true,
      isStaff: user.isStaff,
      isSuperuser: false,
      groups: [],
      linkedEnterpriseCustomerUuids: [user.customerUuid],
    },
    enterpriseCustomerUuid: user.customerUuid,
  }));
}

export const waffleKit: Implementation = {
  name: 'waffle-kit',
  packageName: '@waffle-kit/core',
  call: 'evaluateAll(compiled, ctx)',
  async prepare(scenario) {
    const compiled = compile({ flags: waffleFlags(scenario) });
    const contexts = waffleContexts(scenario);
    const evaluator: Evaluator<Record<string, boolean>> = {
      async: false,
      evaluate: (index) => evaluateAll(compiled, contexts[index]!),
      read: (result, flag) => result[flag.name]!,
    };
    return evaluator as Evaluator;
  },
};
