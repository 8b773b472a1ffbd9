import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Keeps a package README's code the code in its `examples/` folder, character for character:
 * every example is embedded verbatim, and every ts/tsx block is one of them (so every block is
 * compiled by `pnpm typecheck` and run by the package's example tests).
 *
 * @example
 * describeReadmeExamples(new URL('..', import.meta.url));
 */
export function describeReadmeExamples(packageRoot: URL): void {
  const read = (path: string) => readFileSync(new URL(path, packageRoot), 'utf8');
  const readme = read('README.md');
  const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({
    lang,
    code: code!.trim(),
  }));
  const examples = readdirSync(new URL('examples', packageRoot))
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
}
