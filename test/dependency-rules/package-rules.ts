import { posix } from 'node:path';

const APP_DEPENDENCIES = ['@waffle-kit/react', '@waffle-kit/msw', '@waffle-kit/core', '@waffle-kit/contract'];

/**
 * The package direction (DESIGN.md "Layout"): which workspace packages each one may import in the
 * code it ships. `core` is the engine and imports nothing; `contract` holds the wire shapes and
 * name rules as zod schemas over core; the SDK, the mocks and the server build on those; the
 * apps use the SDK and the mocks but never the server (they talk to it over HTTP only).
 */
export const PACKAGE_RULES: Readonly<Record<string, PackageRule>> = {
  '@waffle-kit/core': { workspace: [], onlyPackages: [] },
  '@waffle-kit/contract': { workspace: ['@waffle-kit/core'], onlyPackages: ['zod'] },
  '@waffle-kit/react': { workspace: ['@waffle-kit/core', '@waffle-kit/contract'] },
  '@waffle-kit/msw': {
    workspace: ['@waffle-kit/react', '@waffle-kit/core', '@waffle-kit/contract'],
    // The contract tests run the mocks against the real server: the server is their yardstick.
    testWorkspace: ['@waffle-kit/server'],
  },
  '@waffle-kit/server': { workspace: ['@waffle-kit/core', '@waffle-kit/contract'] },
  'learner-portal': { workspace: APP_DEPENDENCIES },
  'admin-portal': { workspace: APP_DEPENDENCIES },
  // The bench compares every layer with other libraries, so it may import anything.
  '@waffle-kit/bench': { workspace: 'any' },
  // Reruns the SDK's component tests on React 18.
  '@waffle-kit/react-compat-18': {
    workspace: ['@waffle-kit/react', '@waffle-kit/core', '@waffle-kit/contract'],
  },
  '@waffle-kit/test-services': { workspace: [] },
};

export interface PackageRule {
  /** Workspace packages the shipped code may import (itself always). */
  readonly workspace: readonly string[] | 'any';
  /** More workspace packages for tests only. */
  readonly testWorkspace?: readonly string[];
  /** When set, the shipped code may import no other package at all (not even `node:`). */
  readonly onlyPackages?: readonly string[];
}

/** Every test may use the test services (the run's Postgres and Chromium). */
const TEST_WORKSPACE = ['@waffle-kit/test-services'];

/** Tests, type tests, benchmarks and tool configs: they run in the repository, never ship. */
export function isTestFile(file: string): boolean {
  return (
    /(^|\/)(test|e2e|type-tests|bench)\//.test(file) ||
    /\.(test|test-d)\.[cm]?[jt]sx?$/.test(file) ||
    /(^|\/)(vite|vitest)\.config\.[cm]?[jt]s$/.test(file)
  );
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface Workspace {
  /** Folder (relative to the repository root) -> package name. */
  readonly folders: ReadonlyMap<string, string>;
}

function folderOf(workspace: Workspace, file: string): string | undefined {
  return [...workspace.folders.keys()].find((folder) => file.startsWith(`${folder}/`));
}

/**
 * Why `specifier`, imported by `file` (a path from the repository root), runs against the
 * package direction; null when it is allowed.
 */
export function checkPackageImport(workspace: Workspace, file: string, specifier: string): string | null {
  const folder = folderOf(workspace, file);
  if (folder === undefined) return null;
  const name = workspace.folders.get(folder)!;
  const rule = PACKAGE_RULES[name];
  if (!rule) return `${name} has no entry in PACKAGE_RULES: say which workspace packages it may import`;
  const test = isTestFile(file);
  if (specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    const targetFolder = folderOf(workspace, target);
    if (targetFolder !== undefined && targetFolder !== folder) {
      return `reaches into ${workspace.folders.get(targetFolder)} by path; import the package instead`;
    }
    return null;
  }
  const imported = packageOf(specifier);
  if (imported === name) return null;
  if (imported.startsWith('@waffle-kit/')) {
    if (rule.workspace === 'any' || rule.workspace.includes(imported)) return null;
    if (test && [...TEST_WORKSPACE, ...(rule.testWorkspace ?? [])].includes(imported)) return null;
    const allowed = rule.workspace.length > 0 ? rule.workspace.join(', ') : 'no workspace package';
    return `${name} may import ${allowed}${test ? '' : ' (in shipped code)'}, not ${imported}`;
  }
  if (rule.onlyPackages && !test && !rule.onlyPackages.includes(imported)) {
    const allowed = rule.onlyPackages.length > 0 ? rule.onlyPackages.join(', ') : 'no package';
    return `${name} ships with ${allowed} as dependencies, so it may not import ${imported}`;
  }
  return null;
}
