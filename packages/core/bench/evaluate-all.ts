/**
 * Micro-benchmark of `evaluateAll`: 50 mixed flags per request over 100,000 distinct users.
 *
 *   pnpm bench:core            (from the repo root)
 *   pnpm bench:core --quick    (fewer rounds, for a smoke run)
 *
 * The flags: 10 on, 10 off, 10 with 100-user allow lists, 10 global percentages between 1 and
 * 99, and 10 on for staff or by a per-enterprise-customer percentage. Every user is a linked
 * member of one of 10 enterprise customers and each request names that customer. The results are
 * checked before anything is timed (exact counts for the deterministic flags, percentages within
 * one point), so the timing cannot be of code that does nothing. Target: <= 2 µs per request.
 */
import { performance } from 'node:perf_hooks';
import {
  compile,
  defineFlag,
  type EvaluationContext,
  evaluateAll,
  type Flag,
  type FlagUser,
} from '../src/index.js';

const USERS = 100_000;
const CUSTOMERS = 10;
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 7;

const customerUuid = (c: number): string => `00000000-0000-4000-8000-${String(c).padStart(12, '0')}`;
const isStaff = (n: number): boolean => n % 100 === 7;

// Superusers off, so that every flag's share of users follows from the scenario alone.
const flag = (name: string, fields: Partial<Flag> = {}): Flag =>
  defineFlag({ name, superusers: false, ...fields });

/** The percentage of enterprise flag `f` for customer `c`: spread over 1-99. */
const enterprisePercent = (f: number, c: number): number => ((f * 37 + c * 11) % 99) + 1;
const globalPercent = (f: number): number => f * 10 + 3; // 3, 13, ..., 93

function scenarioFlags(): Flag[] {
  const flags: Flag[] = [];
  for (let f = 0; f < 10; f++) {
    flags.push(flag(`bench.on_${f}`, { everyone: true }));
    flags.push(flag(`bench.off_${f}`, { everyone: false }));
    const allowed = Array.from({ length: 100 }, (_, i) => `user${f * 1000 + i * 7}`);
    flags.push(flag(`bench.allow_${f}`, { users: allowed }));
    flags.push(flag(`bench.percent_${f}`, { percent: globalPercent(f) }));
    const percentages: Record<string, number> = {};
    for (let c = 0; c < CUSTOMERS; c++) percentages[customerUuid(c)] = enterprisePercent(f, c);
    flags.push(flag(`bench.enterprise_${f}`, { staff: true, enterprisePercentages: percentages }));
  }
  return flags;
}

function contextFor(n: number): EvaluationContext {
  const uuid = customerUuid(n % CUSTOMERS);
  const user: FlagUser = {
    id: n,
    username: `user${n}`,
    isAuthenticated: true,
    isStaff: isStaff(n),
    isSuperuser: false,
    groups: [],
    linkedEnterpriseCustomerUuids: [uuid],
  };
  return { user, enterpriseCustomerUuid: uuid };
}

/** Expected share (0-100) of users for whom each flag is on, from the scenario's definition. */
function expectedShare(name: string): { exact: boolean; share: number } {
  const [kind, index] = name.slice('bench.'.length).split('_') as [string, string];
  const f = Number(index);
  if (kind === 'on') return { exact: true, share: 100 };
  if (kind === 'off') return { exact: true, share: 0 };
  if (kind === 'allow') return { exact: true, share: (100 / USERS) * 100 };
  if (kind === 'percent') return { exact: false, share: globalPercent(f) };
  let on = 0;
  for (let n = 0; n < USERS; n++) on += isStaff(n) ? 100 : enterprisePercent(f, n % CUSTOMERS);
  return { exact: false, share: on / USERS };
}

function check(counts: Map<string, number>): void {
  const failures: string[] = [];
  for (const [name, count] of counts) {
    const { exact, share } = expectedShare(name);
    const actual = (count / USERS) * 100;
    const ok = exact ? Math.abs(actual - share) < 1e-9 : Math.abs(actual - share) <= 1;
    if (!ok) failures.push(`${name}: ${actual.toFixed(3)}% on, expected ${share.toFixed(3)}%`);
  }
  if (counts.size !== 50) failures.push(`${counts.size} flags evaluated, expected 50`);
  if (failures.length > 0) {
    console.error(`The results are wrong; nothing was timed.\n${failures.join('\n')}`);
    process.exit(1);
  }
}

function main(): void {
  const compiled = compile({ flags: scenarioFlags() });
  const contexts = Array.from({ length: USERS }, (_, n) => contextFor(n));

  const counts = new Map<string, number>();
  for (const ctx of contexts) {
    for (const [name, value] of Object.entries(evaluateAll(compiled, ctx))) {
      counts.set(name, (counts.get(name) ?? 0) + (value ? 1 : 0));
    }
  }
  check(counts);

  // Each round evaluates all 50 flags for every user once; a sink keeps the results alive.
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    const start = performance.now();
    for (let n = 0; n < USERS; n++) {
      if (evaluateAll(compiled, contexts[n]!)['bench.percent_5']) sink++;
    }
    const elapsed = performance.now() - start;
    if (round > 0) times.push(elapsed); // round 0 warms the JIT up
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const perRequest = (median * 1000) / USERS;
  const fastest = (times[0]! * 1000) / USERS;
  const evaluationsPerSecond = (USERS * 50) / (median / 1000);

  console.log(`evaluateAll, 50 flags per request, ${USERS.toLocaleString('en')} distinct users`);
  console.log(`Node ${process.version}, ${process.platform}-${process.arch}, median of ${ROUNDS} rounds`);
  console.log(`  ${perRequest.toFixed(3)} µs per request (50 flags); fastest round ${fastest.toFixed(3)} µs`);
  console.log(`  ${(perRequest / 50).toFixed(4)} µs per flag`);
  console.log(`  ${Math.round(evaluationsPerSecond).toLocaleString('en')} evaluations/s`);
  console.log(`  target <= 2 µs per request: ${perRequest <= 2 ? 'met' : 'missed'}`);
  if (sink === 0) console.log('(sink was 0: unexpected)');
}

main();
