#!/usr/bin/env node
// The `waffle-kit` command: runs the built CLI (dist/). Without a build, it runs the TypeScript
// source through tsx (a dev dependency of the workspace), so `pnpm exec waffle-kit` works right
// after `pnpm install`. WAFFLE_KIT_SOURCE=1 means "already started with tsx: import the source".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/cli/main.js', import.meta.url);
const source = new URL('../src/cli/main.ts', import.meta.url);

if (process.env.WAFFLE_KIT_SOURCE === '1') {
  await import(source.href);
} else if (existsSync(fileURLToPath(dist))) {
  await import(dist.href);
} else {
  const result = spawnSync(
    process.execPath,
    [
      '--conditions=@waffle-kit/source',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, WAFFLE_KIT_SOURCE: '1' } },
  );
  process.exitCode = result.status ?? 1;
}
