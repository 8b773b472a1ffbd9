import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed version of a dependency of this package, read from its package.json. */
export function packageVersion(name: string): string {
  const path = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
