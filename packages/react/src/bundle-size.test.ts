// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** FlagProvider + useFlag, minified and gzipped, with the peers left out, must stay this small. */
const BUDGET_BYTES = 1_500;

/** What an app ships for the everyday API: `FlagProvider` and `useFlag`, as a production build. */
async function bundleEverydayApi(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { FlagProvider, useFlag } from './src/index.ts';",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['react', 'react/jsx-runtime', '@tanstack/react-query'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('bundle size', () => {
  it(`keeps FlagProvider + useFlag within ${BUDGET_BYTES} bytes gzip`, async () => {
    const code = await bundleEverydayApi();
    const gzipped = gzipSync(code).length;
    console.log(
      `FlagProvider + useFlag: ${code.length} bytes minified, ${gzipped} bytes gzip (budget ${BUDGET_BYTES})`,
    );
    expect(code).not.toMatch(/from\s*"@waffle-kit\/core"/);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
