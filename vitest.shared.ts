import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

// Workspace packages export their TypeScript source under this condition, so tests and dev
// servers run the source without a build; Node at run time gets `dist/`.
const SOURCE = '@waffle-kit/source';

/** Resolve options every project's vitest/vite config spreads in. */
export const workspaceResolve = {
  resolve: { conditions: [SOURCE, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE, ...defaultServerConditions], externalConditions: [SOURCE] } },
} satisfies UserConfig;
