// @vitest-environment node
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// `pnpm typecheck` compiles type-tests/registered and type-tests/unregistered with tsc, where
// `@ts-expect-error` pins the errors. This test compiles the same kind of code without those
// comments, so it shows the errors themselves (and that they vanish without `Register`).
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const REGISTER = `
declare module '@waffle-kit/react' {
  interface Register { flags: 'enterprise.dashboard_v2' | 'enterprise.search' }
}`;

let previous: ts.Program | undefined; // reused, so the second check costs less

/** Type-checks one virtual module next to the package's source; returns its diagnostics. */
function typeCheck(source: string): string[] {
  const configPath = `${packageRoot}type-tests/registered/tsconfig.json`;
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const file = `${packageRoot}type-tests/registered/virtual-check.tsx`;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  host.fileExists = (
    (exists) => (name: string) =>
      name === file || exists(name)
  )(host.fileExists);
  const program = ts.createProgram([file], config.options, host, previous);
  previous = program;
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const USES = `
import { useFlag } from '@waffle-kit/react';
export const misspelt = () => useFlag('enterprise.dashbaord_v2');
export const right = () => useFlag('enterprise.dashboard_v2');
`;

// A whole TypeScript program is built here: seconds of CPU, far more on a loaded machine. The
// limit is a hang guard, not a speed assertion.
describe('typed flag names', { timeout: 120_000 }, () => {
  it('make a misspelt name a compile error once Register declares the flags', () => {
    const diagnostics = typeCheck(USES + REGISTER);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(
      /^TS2345: .*'"enterprise\.dashbaord_v2"'.*'"enterprise\.dashboard_v2" \| "enterprise\.search"'/,
    );
  });

  it('accept any string when Register is not filled in', () => {
    expect(typeCheck(USES)).toEqual([]);
  });
});
