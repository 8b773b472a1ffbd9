import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every module a source file names: static imports and re-exports (type-only ones too), dynamic
 * `import('...')` and `require('...')` with a literal. TypeScript's own pre-parser reads them, so
 * comments and strings that merely look like imports do not count.
 */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'test-output', 'data', 'public', '.vite']);
const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs)$/;

/** The source files under `folder`, as paths relative to `root` with `/` separators. */
export function sourceFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name));
      } else if (SOURCE_FILE.test(entry.name)) {
        found.push(relative(root, join(dir, entry.name)).split('\\').join('/'));
      }
    }
  };
  walk(join(root, folder));
  return found.sort();
}

/** A file's imports, read from disk. */
export function importsOfFile(root: string, file: string): string[] {
  return importsOf(readFileSync(join(root, file), 'utf8'));
}
