// analytics.msw.test.ts — the official SDK in a jsdom window, its requests answered in process by
// the mock's MSW handlers: no browser, no port. Vitest (`npx vitest run`); see the page for Jest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { telegramLaunchUrl } from 'tga-contract';
import { createMswMock } from 'tga-contract/msw';

const mock = createMswMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

// The SDK's browser bundle as npm ships it (dist/index.js beside its CommonJS entry's lib/cjs/).
const require = createRequire(import.meta.url);
const SDK = readFileSync(
  require.resolve('@telegram-apps/analytics').replace(/lib[\\/]cjs[\\/]index\.cjs$/, 'dist/index.js'),
  'utf8',
);

const APP_URL = 'https://mini-app.example/';
const USER = { id: 5123456789, first_name: 'Ada', language_code: 'en' };

/** A page of the Mini App, opened from Telegram with USER, running the unmodified SDK. */
function openMiniApp() {
  const dom = new JSDOM('<!doctype html><title>Mini App</title>', {
    url: telegramLaunchUrl(APP_URL, { user: USER }),
    runScripts: 'outside-only',
  });
  const window = dom.window as unknown as Record<string, any>;
  // What jsdom lacks and the SDK uses: Node's fetch (which MSW intercepts), streams, a Worker.
  window.fetch = (...args: Parameters<typeof fetch>) => fetch(...args);
  Object.assign(window, { Blob, Response, CompressionStream, TextEncoder });
  window.Worker = class {
    postMessage() {}
    terminate() {}
    addEventListener() {}
  };
  window.URL.createObjectURL = () => 'blob:stub';
  window.Telegram = { WebView: { receiveEvent() {}, postEvent() {} } };
  window.eval(SDK);
  window.telegramAnalytics.init({ token: mock.token('docs', APP_URL), appName: 'docs' });
  return dom;
}

test('the SDK reports app-init with the launch user', async () => {
  const dom = openMiniApp();
  // The SDK batches and flushes every 2 s: wait for the event rather than sleep.
  const [init] = await mock.waitForEvents({ event_name: 'app-init' });
  expect(init.event).toMatchObject({ app_name: 'docs', user_id: USER.id, platform: 'tdesktop' });
  // It went as the real client sends it: one gzip batch, answered 201.
  expect(mock.requests()[0]).toMatchObject({ status: 201, headers: { 'content-encoding': 'gzip' } });
  dom.window.close();
});

test('when recording fails, the SDK hears 400 and nothing is recorded', async () => {
  mock.fault({ kind: 'record-failure' });
  const dom = openMiniApp();
  await expect.poll(() => mock.requests().map((r) => r.reason)).toContain('RECORD_FAILED');
  expect(mock.events()).toEqual([]);
  dom.window.close();
});
