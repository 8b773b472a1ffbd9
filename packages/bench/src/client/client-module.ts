import { packageVersion } from '../package-version.js';
import { integer } from '../report/table.js';
import type { BenchModule, Section } from '../suite.js';
import { type BundleEntry, measureBundle } from './bundle-size.js';

/**
 * What an app imports to show one flagged screen with each SDK: its provider and its boolean-flag
 * hook (plus the client object the provider needs, where it is a separate import).
 */
export const BUNDLE_ENTRIES: readonly BundleEntry[] = [
  {
    name: 'waffle-kit',
    packageName: '@waffle-kit/react',
    source: "export { FlagProvider, useFlag } from '@waffle-kit/react';",
    // A peer dependency: the app already has it for the API calls the flags ride on.
    externals: ['@tanstack/react-query'],
  },
  {
    name: 'waffle-kit + TanStack Query',
    packageName: '@waffle-kit/react',
    source:
      "export { FlagProvider, useFlag } from '@waffle-kit/react';\nexport { QueryClient, QueryClientProvider } from '@tanstack/react-query';",
  },
  {
    name: 'Unleash',
    packageName: '@unleash/proxy-client-react',
    source: "export { FlagProvider, useFlag } from '@unleash/proxy-client-react';",
  },
  {
    name: 'LaunchDarkly',
    packageName: 'launchdarkly-react-client-sdk',
    source: "export { LDProvider, useFlags } from 'launchdarkly-react-client-sdk';",
  },
  {
    name: 'GrowthBook',
    packageName: '@growthbook/growthbook-react',
    source: "export { GrowthBook, GrowthBookProvider, useFeatureIsOn } from '@growthbook/growthbook-react';",
  },
  {
    name: 'OpenFeature',
    packageName: '@openfeature/react-sdk',
    source: "export { OpenFeature, OpenFeatureProvider, useBooleanFlagValue } from '@openfeature/react-sdk';",
  },
  {
    name: 'Flagsmith',
    packageName: 'flagsmith',
    source:
      "export { default as flagsmith } from 'flagsmith';\nexport { FlagsmithProvider, useFlags } from 'flagsmith/react';",
  },
];

/**
 * Requests to show the first flagged screen, on top of the request for the screen's own data.
 * The peers' client SDKs fetch flags in a request of their own before a flag is known (from
 * their documentation); waffle-kit's flags ride in the response the screen already fetches.
 */
export const FIRST_SCREEN_REQUESTS: readonly { name: string; extra: number; source: string }[] = [
  { name: 'waffle-kit', extra: 0, source: 'measured (HTTP part: flags in the dashboard response)' },
  { name: 'Unleash', extra: 1, source: 'docs: GET <frontend API>/api/frontend on start' },
  {
    name: 'LaunchDarkly',
    extra: 1,
    source: 'docs: client-side SDK fetches all flags for the context on initialization',
  },
  { name: 'GrowthBook', extra: 1, source: 'docs: GET /api/features/<clientKey> on init' },
  {
    name: 'OpenFeature',
    extra: 1,
    source: 'depends on the provider; flagd/vendor web providers fetch on init',
  },
  { name: 'Flagsmith', extra: 1, source: 'docs: GET /flags/ (or /identities/) on init' },
];

/** Part 5: client bundle size of each React SDK, measured the same way. */
export const clientModule: BenchModule = {
  id: 'client',
  async run({ log }): Promise<Section> {
    const rows: { name: string; packageName: string; gzip: number; minified: number }[] = [];
    for (const entry of BUNDLE_ENTRIES) {
      log(`client: bundling ${entry.packageName}`);
      rows.push({ ...entry, ...(await measureBundle(entry.source, entry.externals)) });
    }
    const ours = rows.find((row) => row.name === 'waffle-kit');
    const withQuery = rows.find((row) => row.name === 'waffle-kit + TanStack Query');
    const smallest = rows
      .filter((row) => row.packageName !== '@waffle-kit/react')
      .reduce((a, b) => (a.gzip <= b.gzip ? a : b));
    if (!ours || !withQuery) throw new Error('the waffle-kit rows are missing from BUNDLE_ENTRIES');
    const peerRatio = smallest.gzip / ours.gzip;
    return {
      title: 'Client bundle size',
      tables: [
        {
          title: 'React SDK: provider + boolean-flag hook, esbuild --bundle --minify, React external',
          columns: ['SDK', 'package', 'version', 'minified bytes', 'gzip bytes', 'vs waffle-kit'],
          rows: rows.map((row) => [
            row.name,
            row.packageName,
            packageVersion(row.packageName),
            integer(row.minified),
            integer(row.gzip),
            `${(row.gzip / ours.gzip).toFixed(2)}×`,
          ]),
        },
        {
          title: 'Requests made to show the first flagged screen, beyond the screen’s own data',
          columns: ['SDK', 'extra requests', 'how known'],
          rows: FIRST_SCREEN_REQUESTS.map((row) => [row.name, String(row.extra), row.source]),
        },
      ],
      notes: [
        `Smallest peer: ${smallest.name}, ${integer(smallest.gzip)} bytes gzip, ${peerRatio.toFixed(1)}× waffle-kit.`,
        `waffle-kit: ${integer(ours.gzip)} bytes gzip with TanStack Query left to the app (a peer dependency the app already uses for its API calls); target <= 1,536: ${ours.gzip <= 1536 ? 'met' : 'missed'}; >= 6× smaller than ${smallest.name}: ${peerRatio >= 6 ? 'met' : 'missed'}.`,
        `Counting TanStack Query as well (an app that adopted it only for flags): ${integer(withQuery.gzip)} bytes gzip, ${(withQuery.gzip / smallest.gzip).toFixed(2)}× the size of ${smallest.name}.`,
        'OpenFeature needs a vendor provider on top of these bytes to fetch any flag; the others include their client.',
        'Requests: ours is measured by the HTTP part (the dashboard response carries the screen’s flag); the peers’ figure is from their documentation, not measured.',
      ],
    };
  },
};
