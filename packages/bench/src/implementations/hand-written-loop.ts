import type { Scenario } from '../scenario/scenario.js';
import type { Evaluator, Implementation } from './implementation.js';

const KIND = { on: 0, off: 1, allow: 2, percent: 3, enterprise: 4 } as const;

/** FNV-1a over `flag:subject`, continued from the flag's precomputed state. */
function fnv(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The floor: what the scenario costs written by hand for exactly these five kinds of flag, with
 * no general rules engine, into a reused array (no result object is built).
 */
export const handWrittenLoop: Implementation = {
  name: 'hand-written loop',
  call: 'a switch over five flag kinds into a reused boolean[]',
  async prepare(scenario: Scenario) {
    const flags = scenario.flags.map((flag) => ({
      kind: KIND[flag.kind],
      seed: fnv(0x811c9dc5, `${flag.name}:`),
      allowed: new Set(flag.allowed),
      threshold: flag.percent * 10,
      thresholds: new Map([...flag.enterprisePercents].map(([uuid, percent]) => [uuid, percent * 10])),
    }));
    const users = scenario.users;
    const out = new Array<boolean>(flags.length).fill(false);
    const evaluator: Evaluator<boolean[]> = {
      async: false,
      evaluate(index) {
        const user = users[index]!;
        for (let f = 0; f < flags.length; f++) {
          const flag = flags[f]!;
          switch (flag.kind) {
            case 0:
              out[f] = true;
              break;
            case 1:
              out[f] = false;
              break;
            case 2:
              out[f] = flag.allowed.has(user.username);
              break;
            case 3:
              out[f] = fnv(flag.seed, user.id) % 1000 < flag.threshold;
              break;
            default:
              out[f] =
                user.isStaff ||
                fnv(flag.seed, user.id) % 1000 < (flag.thresholds.get(user.customerUuid) ?? 0);
          }
        }
        return out;
      },
      read: (result, _flag, flagIndex) => result[flagIndex]!,
    };
    return evaluator as Evaluator;
  },
};
