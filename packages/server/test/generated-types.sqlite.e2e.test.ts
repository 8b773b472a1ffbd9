import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const reactIndex = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'react', 'src', 'index.ts');

/** Type-checks `flags.d.ts` (the generated declaration) with an app file that reads one flag. */
function compile(dir: string, declaration: string): string[] {
  writeFileSync(join(dir, 'flags.d.ts'), declaration);
  writeFileSync(
    join(dir, 'app.ts'),
    "import { useFlag } from '@waffle-kit/react';\nexport const on: boolean = useFlag('portal.search');\n",
  );
  const program = ts.createProgram([join(dir, 'app.ts'), join(dir, 'flags.d.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    baseUrl: dir,
    paths: { '@waffle-kit/react': [reactIndex] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.endsWith('app.ts'))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

// The bin in new Node processes, then the TypeScript compiler: slow on a busy machine.
describe('waffle-kit types --set: flag names from the server', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let dir: string;
  const cli = (...args: string[]) => runCli(db.url, args);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'waffle-types-'));
    expect((await cli('set', 'portal', '--create')).status).toBe(0);
    expect((await cli('flag', 'portal.search', '--create', '-s', 'portal')).status).toBe(0);
    expect((await cli('flag', 'admin.only', '--create')).status).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compiles a use of a flag of the set, and fails once the flag leaves the set', async () => {
    const generated = await cli('types', '--set', 'portal');
    expect(generated.status).toBe(0);
    expect(generated.stdout).toContain('flags:\n    | "portal.search";');
    expect(generated.stdout).not.toContain('admin.only');
    expect(compile(dir, generated.stdout)).toEqual([]);

    expect((await cli('set', 'portal', '--remove', 'portal.search')).status).toBe(0);
    const regenerated = await cli('types', '--set', 'portal');
    expect(regenerated.stdout).toContain('flags: never;');

    const errors = compile(dir, regenerated.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /Argument of type '"portal.search"' is not assignable to parameter of type 'never'/,
    );
  });

  it('names an unknown set and exits 1', async () => {
    const result = await cli('types', '--set', 'no-such-set');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('This flag set does not exist: "no-such-set".');
  });
});
