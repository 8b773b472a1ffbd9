import { clientModule } from './client/client-module.js';
import { evaluationModule } from './evaluation/evaluation-module.js';
import { httpModule } from './http/http-module.js';
import { serverCostModule } from './http/server-cost-module.js';
import { propagationModule } from './propagation/propagation-module.js';
import { flagSetsModule } from './scaling/flag-sets-module.js';
import { scalingModule } from './scaling/scaling-module.js';
import type { BenchModule } from './suite.js';

/** The parts of the suite, in the order `pnpm bench` runs them; each runs on its own. */
export const MODULES: readonly BenchModule[] = [
  evaluationModule,
  scalingModule,
  flagSetsModule,
  httpModule,
  serverCostModule,
  propagationModule,
  clientModule,
];
