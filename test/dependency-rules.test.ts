import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPackageImport, PACKAGE_RULES, type Workspace } from './dependency-rules/package-rules.js';
import { importsOf, importsOfFile, sourceFiles } from './dependency-rules/read-imports.js';
import { checkServerImport, layerOf } from './dependency-rules/server-layers.js';

const root = new URL('..', import.meta.url).pathname;
const SERVER_SRC = 'packages/server/src/';

function readWorkspace(): Workspace {
  const folders = new Map<string, string>();
  for (const parent of ['packages', 'apps']) {
    for (const entry of readdirSync(`${root}${parent}`, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const manifest = JSON.parse(readFileSync(`${root}${parent}/${entry.name}/package.json`, 'utf8'));
      folders.set(`${parent}/${entry.name}`, manifest.name);
    }
  }
  return { folders };
}

/** Every rule broken in the repository, as `file imports 'x': why`. */
function violations(): string[] {
  const workspace = readWorkspace();
  const found: string[] = [];
  for (const folder of workspace.folders.keys()) {
    for (const file of sourceFiles(root, folder)) {
      for (const specifier of importsOfFile(root, file)) {
        const packageProblem = checkPackageImport(workspace, file, specifier);
        if (packageProblem) found.push(`${file} imports '${specifier}': ${packageProblem}`);
        if (!file.startsWith(SERVER_SRC)) continue;
        const layerProblem = checkServerImport(file.slice(SERVER_SRC.length), specifier);
        if (layerProblem) found.push(`${file} imports '${specifier}': ${layerProblem}`);
      }
    }
  }
  return found;
}

const fakeWorkspace: Workspace = {
  folders: new Map([
    ['packages/core', '@waffle-kit/core'],
    ['packages/contract', '@waffle-kit/contract'],
    ['packages/react', '@waffle-kit/react'],
    ['packages/msw', '@waffle-kit/msw'],
    ['packages/server', '@waffle-kit/server'],
    ['apps/learner-portal', 'learner-portal'],
    ['packages/bench', '@waffle-kit/bench'],
  ]),
};

describe('the dependency rules', () => {
  it('hold for every source file of every package', () => {
    expect(violations()).toEqual([]);
  });

  it('know every workspace package', () => {
    for (const name of readWorkspace().folders.values()) expect(PACKAGE_RULES, name).toHaveProperty([name]);
  });
});

describe('reading imports', () => {
  it('finds static, re-exported, type-only and dynamic imports, and nothing in comments', () => {
    const source = [
      "import { a,\n  b } from './multi-line.js';",
      "import type { T } from '../types.js';",
      "export { c } from './re-export.js';",
      "const lazy = await import('./lazy.js');",
      "// import { d } from './commented.js';",
      'const text = "import x from \'./in-a-string.js\'";',
    ].join('\n');
    expect(importsOf(source)).toEqual(['./multi-line.js', '../types.js', './re-export.js', './lazy.js']);
  });
});

describe('the package direction', () => {
  const check = (file: string, specifier: string) => checkPackageImport(fakeWorkspace, file, specifier);

  it('lets core import nothing in the code it ships, and tests use their tools', () => {
    expect(check('packages/core/src/bucket.ts', 'zod')).toMatch(/may not import zod/);
    expect(check('packages/core/src/bucket.ts', 'node:crypto')).toMatch(/may not import node/);
    expect(check('packages/core/src/bucket.ts', '@waffle-kit/react')).toMatch(/not @waffle-kit\/react/);
    expect(check('packages/core/src/bucket.test.ts', 'vitest')).toBeNull();
    expect(check('packages/core/src/bucket.ts', './hash.js')).toBeNull();
  });

  it('lets contract use zod and core only', () => {
    expect(check('packages/contract/src/flag.ts', 'zod')).toBeNull();
    expect(check('packages/contract/src/flag.ts', '@waffle-kit/core')).toBeNull();
    expect(check('packages/contract/src/flag.ts', 'express')).toMatch(/may not import express/);
    expect(check('packages/contract/src/flag.ts', '@waffle-kit/react')).toMatch(/not @waffle-kit\/react/);
  });

  it('keeps the SDK, the mocks and the apps off the server, bar the mocks’ contract tests', () => {
    expect(check('packages/react/src/use-flag.ts', '@waffle-kit/core')).toBeNull();
    expect(check('packages/react/src/use-flag.ts', '@waffle-kit/msw')).toMatch(/not @waffle-kit\/msw/);
    expect(check('packages/msw/src/index.ts', '@waffle-kit/react')).toBeNull();
    expect(check('packages/msw/src/index.ts', '@waffle-kit/server')).toMatch(/not @waffle-kit\/server/);
    expect(check('packages/msw/test/contract.e2e.test.ts', '@waffle-kit/server')).toBeNull();
    expect(check('apps/learner-portal/src/main.tsx', '@waffle-kit/msw')).toBeNull();
    expect(check('apps/learner-portal/e2e/demo.e2e.test.ts', '@waffle-kit/server')).toMatch(/not @waffle/);
    expect(check('packages/server/src/app.ts', '@waffle-kit/react')).toMatch(/not @waffle-kit\/react/);
    expect(check('packages/bench/src/run.ts', '@waffle-kit/server')).toBeNull();
  });

  it('refuses a relative path into another package', () => {
    expect(check('packages/msw/src/index.ts', '../../react/src/index.js')).toMatch(/by path/);
    expect(check('packages/msw/vitest.config.ts', '../../vitest.shared.js')).toBeNull();
  });
});

describe('the server layers', () => {
  it('put every file in one layer and refuse a file in none', () => {
    expect(layerOf('config.test.ts')).toBe(0);
    expect(layerOf('db/models/flag.ts')).toBe(1);
    expect(checkServerImport('somewhere/new.ts', '../db/percent.js')).toMatch(/in no layer/);
  });

  it('refuse an import that runs up a layer', () => {
    expect(checkServerImport('features/audit/actor.ts', '../../embedding/embedding.js')).toMatch(
      /features imports embedding, a layer above it/,
    );
    expect(checkServerImport('db/transaction.ts', '../snapshot/snapshot-cache.js')).toMatch(/db imports/);
    expect(checkServerImport('embedding/embedding.ts', '../features/auth/request-user.js')).toBeNull();
    expect(checkServerImport('embedding/embedding.test.ts', '../../test/helpers/client.js')).toBeNull();
  });

  it('refuse a route that queries the models itself', () => {
    expect(checkServerImport('demo-api/waffle-status-routes.ts', '../db/models/index.js')).toMatch(
      /store or service/,
    );
    expect(checkServerImport('demo-api/learner-store.ts', '../db/raw-query.js')).toBeNull();
  });

  it('let a feature import lower tiers only, with no exceptions', () => {
    expect(checkServerImport('features/audit/actor.ts', '../auth/request-user.js')).toBeNull();
    expect(checkServerImport('features/auth/session-store.ts', '../audit/actor.js')).toMatch(
      /features\/auth imports features\/audit/,
    );
    expect(checkServerImport('features/flags/flag-store.ts', '../samples/sample-service.js')).toMatch(
      /not in a lower tier/,
    );
    expect(checkServerImport('features/shared/named-object-routes.ts', '../flags/flag-input.js')).toMatch(
      /shared imports features\/flags/,
    );
    expect(checkServerImport('features/shared/named-object-routes.ts', '../flags/flag-service.js')).toMatch(
      /shared imports features\/flags/,
    );
    expect(checkServerImport('features/newcomer/x.ts', '../auth/request-user.js')).toMatch(/in no tier/);
  });
});
