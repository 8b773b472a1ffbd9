// @vitest-environment node
import { describeReadmeExamples } from '../../../scripts/readme-examples.js';

// The README's code is the code in examples/, which `pnpm typecheck` compiles (tsc -p examples)
// and Vitest runs (examples/*.test.tsx).
describeReadmeExamples(new URL('../', import.meta.url));
