/**
 * The benchmark scenario, described once and neutrally so every implementation (ours, the peers',
 * the hand-written floor) is configured from the same data and checked against the same answers.
 *
 * Flags come in groups of five kinds: on for everyone, off for everyone, on for an allow list of
 * usernames, on for a global percentage, and on for staff or by a per-enterprise-customer
 * percentage. Every user is a linked member of one enterprise customer, and each request names
 * that customer.
 */

export type FlagKind = 'on' | 'off' | 'allow' | 'percent' | 'enterprise';

export const FLAG_KINDS: readonly FlagKind[] = ['on', 'off', 'allow', 'percent', 'enterprise'];

export interface ScenarioFlag {
  readonly name: string;
  readonly kind: FlagKind;
  /** `allow`: the usernames the flag is on for. */
  readonly allowed: readonly string[];
  /** `percent`: the global percentage, 1-99. */
  readonly percent: number;
  /** `enterprise`: percentage per enterprise customer uuid (staff are always on). */
  readonly enterprisePercents: ReadonlyMap<string, number>;
}

export interface ScenarioUser {
  /** The stable user id, as a string: the bucketing subject everywhere. */
  readonly id: string;
  readonly username: string;
  readonly isStaff: boolean;
  /** The enterprise customer the user is linked to and the request names. */
  readonly customerUuid: string;
}

export interface ScenarioOptions {
  /** Distinct users, one request each. */
  readonly users: number;
  /** Groups of five flags (one of each kind): 10 groups are the 50 flags of the scenario. */
  readonly flagGroups: number;
  /** Usernames on each allow list. */
  readonly allowListSize: number;
  /** Enterprise customers, each with a percentage row on every enterprise flag. */
  readonly customers: number;
}

export interface Scenario {
  readonly options: ScenarioOptions;
  readonly flags: readonly ScenarioFlag[];
  readonly users: readonly ScenarioUser[];
  readonly customers: readonly string[];
}

/** The scenario of issue 8: 50 flags, 100-user allow lists, 10 customers, 100,000 users. */
export const STANDARD: ScenarioOptions = {
  users: 100_000,
  flagGroups: 10,
  allowListSize: 100,
  customers: 10,
};

export const customerUuid = (c: number): string =>
  `00000000-0000-4000-8000-${c.toString(16).padStart(12, '0')}`;

/** One user in a hundred is staff. */
const isStaff = (n: number): boolean => n % 100 === 7;

/** Spread over 1-99 so that no two flags of a group share a percentage. */
const globalPercent = (g: number): number => ((g * 10 + 3) % 99) + 1;
const enterprisePercent = (g: number, c: number): number => ((g * 37 + c * 11) % 99) + 1;

/**
 * Allow-list usernames of group `g`, four apart: a short list names only users of the run, a
 * list longer than the population also names users who never make a request.
 */
function allowList(g: number, size: number, users: number): string[] {
  const span = Math.max(size, users) * 4;
  return Array.from({ length: size }, (_, i) => `user${(g * 7919 + i * 4) % span}`);
}

export function buildScenario(options: ScenarioOptions): Scenario {
  const customers = Array.from({ length: options.customers }, (_, c) => customerUuid(c));
  const flags: ScenarioFlag[] = [];
  const none = new Map<string, number>();
  for (let g = 0; g < options.flagGroups; g++) {
    const base = { allowed: [] as string[], percent: 0, enterprisePercents: none };
    flags.push({ ...base, name: `bench.on_${g}`, kind: 'on' });
    flags.push({ ...base, name: `bench.off_${g}`, kind: 'off' });
    flags.push({
      ...base,
      name: `bench.allow_${g}`,
      kind: 'allow',
      allowed: allowList(g, options.allowListSize, options.users),
    });
    flags.push({ ...base, name: `bench.percent_${g}`, kind: 'percent', percent: globalPercent(g) });
    flags.push({
      ...base,
      name: `bench.enterprise_${g}`,
      kind: 'enterprise',
      enterprisePercents: new Map(customers.map((uuid, c) => [uuid, enterprisePercent(g, c)])),
    });
  }
  const users = Array.from(
    { length: options.users },
    (_, n): ScenarioUser => ({
      id: String(n),
      username: `user${n}`,
      isStaff: isStaff(n),
      customerUuid: customers[n % customers.length]!,
    }),
  );
  return { options, flags, users, customers };
}

export interface Expectation {
  /** Deterministic flags must match `count` exactly; percentages must come within tolerance. */
  readonly exact: boolean;
  /** Users the flag should be on for (the expected value for percentages). */
  readonly count: number;
}

/** What a correct implementation answers for `flag` over all of the scenario's users. */
export function expectation(scenario: Scenario, flag: ScenarioFlag): Expectation {
  const users = scenario.users;
  switch (flag.kind) {
    case 'on':
      return { exact: true, count: users.length };
    case 'off':
      return { exact: true, count: 0 };
    case 'allow': {
      const allowed = new Set(flag.allowed);
      return { exact: true, count: users.filter((user) => allowed.has(user.username)).length };
    }
    case 'percent':
      return { exact: false, count: (users.length * flag.percent) / 100 };
    case 'enterprise': {
      let on = 0;
      for (const user of users)
        on += user.isStaff ? 1 : flag.enterprisePercents.get(user.customerUuid)! / 100;
      return { exact: false, count: on };
    }
  }
}
