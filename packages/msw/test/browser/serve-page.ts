import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>mock mode</title></head>
<body><div id="root"></div><script type="module" src="/entry.js"></script></body></html>`;

export interface ServedPage {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Bundles `entry.tsx` for the browser (workspace packages from their TypeScript source) and
 * serves it on loopback with MSW's worker script at `/mockServiceWorker.js`, as `msw init` would.
 */
export async function servePage(): Promise<ServedPage> {
  const bundle = await build({
    entryPoints: [here('./entry.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['@waffle-kit/source'],
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const worker = readFileSync(here('../../node_modules/msw/lib/mockServiceWorker.js'), 'utf8');
  const files: Record<string, [string, string]> = {
    '/': ['text/html', HTML],
    '/entry.js': ['text/javascript', script],
    '/mockServiceWorker.js': ['text/javascript', worker],
  };
  const server: Server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"code":"not_found","message":"no backend here"}}');
      return;
    }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
