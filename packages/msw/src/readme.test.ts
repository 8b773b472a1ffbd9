// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's code is the code in examples/, which `pnpm typecheck` compiles (tsc -p examples)
// and the tests run (examples/*.test.tsx; test/storybook.test.tsx renders the stories,
// test/mock-mode.browser.e2e.test.ts the mock mode, test/patch-flags.sqlite.e2e.test.ts the
// patchFlags example). This test keeps the two the same, character for character.
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({
  lang,
  code: code!.trim(),
}));
const examples = readdirSync(new URL('../examples', import.meta.url))
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ name, code: read(`examples/${name}`).trim() }));

describe('README', () => {
  it.each(examples)('embeds examples/$name verbatim', ({ code }) => {
    expect(blocks.map((block) => block.code)).toContain(code);
  });

  it('has no TypeScript block that is not a compiled example', () => {
    const compiled = new Set(examples.map((example) => example.code));
    const typescript = blocks.filter((block) => block.lang === 'ts' || block.lang === 'tsx');
    expect(typescript.length).toBeGreaterThan(0);
    expect(typescript.filter((block) => !compiled.has(block.code))).toEqual([]);
  });
});
