import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Left to the app: every React SDK shares the app's React. */
export const REACT_EXTERNALS = ['react', 'react-dom', 'react/*', 'react-dom/*'];

export interface BundleEntry {
  /** Label for the table. */
  readonly name: string;
  /** The npm package measured (for its version), or the workspace package. */
  readonly packageName: string;
  /** The module an app would write to use the SDK: a provider and a hook, re-exported. */
  readonly source: string;
  /** More packages left to the app besides React (ours: TanStack Query, which the app already uses). */
  readonly externals?: readonly string[];
}

export interface BundleSize {
  readonly minified: number;
  readonly gzip: number;
}

const PACKAGE_ROOT = fileURLToPath(new URL('..', new URL('..', import.meta.url)));

/**
 * Bundles `source` the way an app's production build would (esbuild: bundle, minify, ESM,
 * browser, `NODE_ENV=production`, React external) and measures the bytes, raw and gzip -9.
 * Imports resolve from this package; workspace packages resolve to their TypeScript source.
 *
 * @example
 * await measureBundle("export { FlagProvider, useFlag } from '@waffle-kit/react';");
 */
export async function measureBundle(
  source: string,
  extraExternals: readonly string[] = [],
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: PACKAGE_ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: ['@waffle-kit/source'],
    external: [...REACT_EXTERNALS, ...extraExternals],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}
