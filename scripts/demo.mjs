// `npm start` / `pnpm demo` (after `pnpm -r build`): the waffle-kit server with the demo data on
// PORT (default 3000). It serves the learner portal at / and the admin page at /admin/ once they
// are built. The server prints its URL and the demo accounts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'packages', 'server', 'dist', 'main.js');
if (!existsSync(main)) {
  console.error(`waffle-kit demo: ${main} is missing; run \`pnpm -r build\` first (\`pnpm demo\` does).`);
  process.exit(1);
}

const env = {
  ...process.env,
  WAFFLE_SEED: process.env.WAFFLE_SEED ?? 'demo',
  PORT: process.env.PORT ?? '3000',
};
const server = spawn(process.execPath, [main], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
