import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), preferred when present. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumBinary {
  readonly path: string;
  /** Where it comes from, for the test output. */
  readonly source: string;
}

/** `CHROMIUM_PATH`, else Debian's Chromium, else null (the global setup then provisions one). */
export function configuredChromium(): ChromiumBinary | null {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  return existsSync(SYSTEM_CHROMIUM) ? { path: SYSTEM_CHROMIUM, source: 'system Chromium' } : null;
}

/**
 * The headless Chromium that the `@sparticuz/chromium` npm package ships (brotli-packed in the
 * package; unpacked once to the temp dir, `/tmp/chromium`, and reused by later runs).
 */
export async function provisionChromium(): Promise<ChromiumBinary> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const path = await sparticuz.executablePath();
  return { path, source: '@sparticuz/chromium' };
}

/** The binary a browser test launches: `CHROMIUM_PATH` (the global setup sets it when it provisions one). */
export function chromiumPath(): string {
  return configuredChromium()?.path ?? SYSTEM_CHROMIUM;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function startFailure(path: string, error: unknown): Error {
  return new Error(
    `Chromium did not start from ${path} (install Debian's chromium, set CHROMIUM_PATH, or run the tests ` +
      `through \`npm test\`, which provisions one): ${String(error).split('\n')[0]}`,
  );
}

/** A headless Chromium for tests that open their own pages. */
export async function launchBrowser(): Promise<Browser> {
  const path = chromiumPath();
  try {
    return await chromium.launch({ executablePath: path, headless: true, args: ARGS, timeout: 30_000 });
  } catch (error) {
    throw startFailure(path, error);
  }
}

export interface ChromiumContext {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile; safe to call twice. */
  close(): Promise<void>;
}

/** Headless Chromium with a fresh, temporary profile, at `viewport`. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<ChromiumContext> {
  const path = chromiumPath();
  const profile = await mkdtemp(join(tmpdir(), 'waffle-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: path,
      headless: true,
      args: ARGS,
      viewport,
      timeout: 30_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw startFailure(path, error);
  }
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
