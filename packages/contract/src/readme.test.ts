import { describeReadmeExamples } from '../../../scripts/readme-examples.js';

// The README's code is examples/validate-response.ts, which `pnpm typecheck` compiles and
// examples/validate-response.test.ts runs.
describeReadmeExamples(new URL('../', import.meta.url));
