#!/usr/bin/env node
// Runs `pnpm <args>` on a machine that may have only Node.js and npm, so the README's quick
// start is `npm start` / `npm test` on a fresh clone. It uses the pnpm on PATH when it is
// version 10, else `npx pnpm@10`, and installs dependencies first when they are missing or stale.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_MAJOR = '10';

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status === 0 && probe.stdout.trim().startsWith(`${PNPM_MAJOR}.`)) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_MAJOR}`];
}

function run(command, args) {
  const [bin, ...pre] = command;
  const result = spawnSync(bin, [...pre, ...args], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) {
    console.error(`Could not run ${bin}: ${result.error.message}`);
    process.exit(1);
  }
  return result.status ?? 1;
}

function installIsStale() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return true;
  const lockfile = join(root, 'pnpm-lock.yaml');
  return existsSync(lockfile) && statSync(lockfile).mtimeMs > statSync(marker).mtimeMs;
}

const pnpm = pnpmCommand();
if (installIsStale()) {
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  const status = run(pnpm, ['install', ...frozen]);
  if (status !== 0) process.exit(status);
}
process.exit(run(pnpm, process.argv.slice(2)));
