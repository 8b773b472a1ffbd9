import { growthbook } from './growthbook.js';
import { handWrittenLoop } from './hand-written-loop.js';
import type { Implementation } from './implementation.js';
import { launchDarkly } from './launchdarkly.js';
import { unleashClient } from './unleash.js';
import { waffleKit } from './waffle-kit.js';

/** Every implementation of the evaluation benchmark, ours first. */
export const IMPLEMENTATIONS: readonly Implementation[] = [
  waffleKit,
  unleashClient,
  growthbook,
  launchDarkly,
  handWrittenLoop,
];
