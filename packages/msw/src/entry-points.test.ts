// @vitest-environment node
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Each entry point pulls in only what its environment has: the node entry never loads MSW's
// browser code, the browser entry never loads msw/node, and the main entry neither, nor zod or
// React. esbuild lists the bare imports left outside the bundle.
async function externalImports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    jsx: 'automatic',
    conditions: ['@waffle-kit/source'],
    external: [
      '@waffle-kit/*',
      'msw',
      'msw/*',
      'zod',
      'react',
      'react/*',
      'react-dom',
      '@tanstack/*',
      '@testing-library/*',
    ],
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  return [...new Set(imports.filter((item) => item.external).map((item) => item.path))].sort();
}

describe('entry points', () => {
  it("@waffle-kit/msw needs msw, core and the contract's zod-free entries alone", async () => {
    expect(await externalImports('./index.ts')).toEqual([
      '@waffle-kit/contract/demo',
      '@waffle-kit/contract/pagination',
      '@waffle-kit/contract/routes',
      '@waffle-kit/core',
      'msw',
    ]);
  });

  it('@waffle-kit/msw/node adds msw/node, never msw/browser', async () => {
    expect(await externalImports('./node.ts')).toEqual([
      '@waffle-kit/contract/demo',
      '@waffle-kit/contract/pagination',
      '@waffle-kit/contract/routes',
      '@waffle-kit/core',
      'msw',
      'msw/node',
    ]);
  });

  it('@waffle-kit/msw/browser adds msw/browser, never msw/node', async () => {
    expect(await externalImports('./browser.ts')).toEqual([
      '@waffle-kit/contract/demo',
      '@waffle-kit/contract/pagination',
      '@waffle-kit/contract/routes',
      '@waffle-kit/core',
      'msw',
      'msw/browser',
    ]);
  });

  it('@waffle-kit/msw/testing needs its React peers and msw, no server or worker', async () => {
    expect(await externalImports('./testing/index.ts')).toEqual([
      '@tanstack/react-query',
      '@testing-library/react',
      '@waffle-kit/contract/demo',
      '@waffle-kit/contract/pagination',
      '@waffle-kit/contract/routes',
      '@waffle-kit/core',
      '@waffle-kit/react',
      'msw',
      'react',
      'react/jsx-runtime',
    ]);
  });
});
