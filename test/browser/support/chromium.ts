// Launching Debian's Chromium for the real-browser tests. Playwright's own browser download is never
// used (the network is closed): the system package is driven through playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const isCi = (): boolean => {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
};

let warned = false;

/**
 * `describe` when the browser tests can run, `describe.skip` (with one loud line) when Chromium is
 * absent on a developer machine. Under CI they always run, so a missing Chromium fails them.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH) || isCi()) {
    describe(name, fn);
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `\n*** SKIPPED real-browser tests: no Chromium at ${CHROMIUM_PATH}. ` +
        'Enable them with `apt-get install -y chromium` (or set CHROMIUM_PATH). Under CI=true they run. ***\n',
    );
  }
  describe.skip(name, fn);
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

// Every host but loopback fails to resolve inside the browser, so nothing leaves the machine even
// when a test adds no request routing (routing would change how CORS preflights are handled).
const NETWORK_RULES = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  NETWORK_RULES,
];

/** One browser per test file: a persistent context on a fresh profile folder, removed on close. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (CI=true requires it)`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tga-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
    });
    return {
      context,
      async close() {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
