// @vitest-environment node
import { describeReadmeExamples } from '../../../scripts/readme-examples.js';

// The README's code is the code in examples/, which `pnpm typecheck` compiles (tsc -p examples)
// and the tests run (examples/*.test.tsx; test/storybook.test.tsx renders the stories,
// test/mock-mode.browser.e2e.test.ts the mock mode, test/patch-flags.sqlite.e2e.test.ts the
// patchFlags example).
describeReadmeExamples(new URL('../', import.meta.url));
