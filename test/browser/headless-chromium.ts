/**
 * Debian's Chromium, headless, on a profile of its own, for the tests that drive real pages (a test
 * tool's own browser download cannot run here). `close()` also removes the profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const CHROMIUM = process.env.DECORUM_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface HeadlessChromium {
  readonly browser: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<HeadlessChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'decorum-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface AppInChromium {
  /** The app's base URL, once `beforeAll` ran. */
  readonly url: string;
  readonly browser: BrowserContext;
}

/**
 * For a test file about one app's pages: serves `app` on a free port and launches Chromium before the
 * file's tests, and closes both after them.
 */
export function serveInChromium(app: { listen(port: number, host: string): Promise<{ url: string }>; close(): Promise<void> }): AppInChromium {
  let url = '';
  let chromium: HeadlessChromium | undefined;
  beforeAll(async () => {
    url = (await app.listen(0, '127.0.0.1')).url;
    chromium = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await app.close();
  });
  return {
    get url() { return url; },
    get browser() {
      if (!chromium) throw new Error('Chromium is not running: use it inside a test');
      return chromium.browser;
    },
  };
}
