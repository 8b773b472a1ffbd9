import { packageVersion } from '../package-version.js';
import { integer } from '../report/table.js';
import type { BenchModule, Section } from '../suite.js';
import { type BundleEntry, measureBundle } from './bundle-size.js';

/**
 * What an app imports to show one flagged screen with each SDK: its provider and its boolean-flag
 * hook (plus the client object the provider needs, where it is a separate import).
 */
export const BUNDLE_ENTRIES: readonly BundleEntry[] = [
  // Ours lands with the React SDK; it is then this one line:
  // { name: 'waffle-kit', packageName: '@waffle-kit/react', source: "export { FlagProvider, useFlag } from '@waffle-kit/react';" },
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

/** Part 5: client bundle size of each React SDK, measured the same way. */
export const clientModule: BenchModule = {
  id: 'client',
  async run({ log }): Promise<Section> {
    const rows: { name: string; packageName: string; gzip: number; minified: number }[] = [];
    for (const entry of BUNDLE_ENTRIES) {
      log(`client: bundling ${entry.packageName}`);
      rows.push({ ...entry, ...(await measureBundle(entry.source)) });
    }
    const ours = rows.find((row) => row.packageName === '@waffle-kit/react');
    const smallest = rows.filter((row) => row !== ours).reduce((a, b) => (a.gzip <= b.gzip ? a : b));
    return {
      title: 'Client bundle size',
      tables: [
        {
          title: 'React SDK: provider + boolean-flag hook, esbuild --bundle --minify, React external',
          columns: [
            'SDK',
            'package',
            'version',
            'minified bytes',
            'gzip bytes',
            ours ? 'vs waffle-kit' : 'vs smallest',
          ],
          rows: rows.map((row) => [
            row.name,
            row.packageName,
            packageVersion(row.packageName),
            integer(row.minified),
            integer(row.gzip),
            `${(row.gzip / (ours ?? smallest).gzip).toFixed(2)}×`,
          ]),
        },
      ],
      notes: [
        `Smallest peer: ${smallest.name}, ${integer(smallest.gzip)} bytes gzip.`,
        ours
          ? `waffle-kit: ${integer(ours.gzip)} bytes gzip (target <= 1,536, and >= 6× smaller than ${smallest.name}).`
          : '@waffle-kit/react is not in this branch yet: its row is one line in BUNDLE_ENTRIES.',
        'OpenFeature needs a vendor provider on top of these bytes to fetch any flag; the others include their client.',
      ],
    };
  },
};
