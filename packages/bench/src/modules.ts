import { clientModule } from './client/client-module.js';
import { evaluationModule } from './evaluation/evaluation-module.js';
import { scalingModule } from './scaling/scaling-module.js';
import type { BenchModule } from './suite.js';

/**
 * The parts of the suite, in the order `pnpm bench` runs them. Parts 3 (HTTP, autocannon against
 * the server) and 4 (propagation across server processes, Postgres) go between scaling and
 * client when the server lands: each is a `BenchModule` added to this list.
 */
export const MODULES: readonly BenchModule[] = [evaluationModule, scalingModule, clientModule];
