import { describe, expect, it } from 'vitest';
import { measureBundle } from './bundle-size.js';

describe('measureBundle', () => {
  it('measures the minified bytes and their gzip size', async () => {
    const size = await measureBundle('export const answer = [1, 2, 3].map((n) => n * 2).join("-");');
    expect(size.minified).toBeGreaterThan(20);
    expect(size.minified).toBeLessThan(120);
    expect(size.gzip).toBeGreaterThan(0);
  });

  it('leaves React out of the bundle', async () => {
    const size = await measureBundle("export { useState, createContext } from 'react';");
    // Only the import statement remains: React itself is hundreds of times larger.
    expect(size.minified).toBeLessThan(100);
  });

  it('bundles what an entry imports from its dependencies', async () => {
    const size = await measureBundle("export { FlagProvider, useFlag } from '@unleash/proxy-client-react';");
    expect(size.minified).toBeGreaterThan(5_000);
  });
});
