// The official SDK, unmodified, in a real Chromium: its hard-coded backend is routed to the mock,
// and what it sends must be answered and recorded as the real service would — once with the
// documented answers (201, the page's origin) and once with the live service's (--answers live:
// 202, Access-Control-Allow-Origin: *), which the SDK must take just as well.
import type { Page } from 'playwright-core';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { routeToMock, type RelayedRequest, type RouteLog } from './support/routeToMock';
import { describeChanges, readSdkBundle, sdkFingerprint, sdkPageHtml } from './support/sdkBundle';
import { startStaticServer, type StaticServer } from './support/staticServer';
import { telegramLaunchUrl } from '../../playwright';
import { waitFor } from './support/waitFor';

jest.setTimeout(60_000);

const BACKEND = 'https://tganalytics.xyz/';

// What this test was written against. When the installed SDK differs, the first test lists what
// changed (version, bundle hash, backend URLs, API paths) before the browser tests say how.
const PINNED = {
  version: '1.6.4',
  sha256: 'c1109f20c42687a10f58620f044a4b76ff927f1df16727c02c4bfcda1b1dc358',
  urls: [
    'https://api.prod.innerworks.me/api/v1',
    'https://docs.telegram-mini-apps.com/packages/telegram-apps-bridge/environment',
    'https://flow.prod.innerworks.me',
    'https://github.com/Telegram-Mini-Apps/telegram-apps/issues/new/choose',
    'https://staging.tganalytics.xyz/',
    'https://t.me/share/url',
    'https://tganalytics.xyz/',
    'https://web.telegram.org',
  ],
  paths: ['events', 'events/fingerprint', 'events/threshold', 'eventsThreshold'],
};

// The fields SDK 1.6.4 sends with app-init and app-hide (observed from the unmodified bundle; docs/contract-decisions.md).
const PINNED_EVENT_FIELDS = [
  'app_name',
  'client_timestamp',
  'event_name',
  'is_premium',
  'locale',
  'platform',
  'session_id',
  'start_param',
  'user_id',
];

const USER = {
  id: 5123456789,
  first_name: 'Ada',
  last_name: 'Lovelace',
  username: 'ada',
  language_code: 'en',
  is_premium: true,
};

describe('the installed @telegram-apps/analytics', () => {
  it('is the version these tests pin', () => {
    expect(describeChanges(PINNED, sdkFingerprint())).toEqual([]);
  });
});

for (const answers of ['docs', 'live'] as const) {
  const OK = answers === 'live' ? 202 : 201;
  describeBrowser(`the official SDK in Chromium, routed to the mock (--answers ${answers})`, () => {
    let mock: RunningMock;
    let browser: LaunchedBrowser;
    let pages: StaticServer;
    let page: Page;
    let routes: RouteLog;
    let relayed: RelayedRequest[];
    const pageErrors: string[] = [];

    const recorded = (name: string) => mock.events({ event_name: name }).map((e) => e.event);

    beforeAll(async () => {
      mock = await startMock({ answers });
      // The token's domain is the page's host: the SDK runs on the app's own domain.
      pages = await startStaticServer({
        '/sdk.html': { type: 'text/html', body: sdkPageHtml(mock.token('docs', 'http://127.0.0.1'), 'docs') },
        '/sdk.js': { type: 'text/javascript', body: readSdkBundle() },
      });
      browser = await launchChromium();
      routes = await routeToMock(browser.context, mock.url);
      relayed = routes.relayed;
      page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(
        telegramLaunchUrl(`${pages.origin()}/sdk.html`, {
          user: USER,
          startParam: 'ref_42',
          platform: 'tdesktop',
        }),
      );
    });

    afterAll(async () => {
      await browser?.close();
      await pages?.close();
      await mock?.close();
    });

    it('fetches the threshold from the mock (200), without a preflight', async () => {
      await waitFor(() => relayed.some((r) => r.url.endsWith('/events/threshold') && r.status !== null));
      const threshold = relayed.find((r) => r.url.endsWith('/events/threshold'));
      expect(threshold).toMatchObject({ method: 'GET', status: 200, preflight: null, verdict: { ok: true } });
    });

    it(`posts app-init after start: preflight passed by the mock, ${OK}, recorded with the user id`, async () => {
      await waitFor(() => recorded('app-init').length > 0);
      const [init] = recorded('app-init');
      expect(init).toMatchObject({
        user_id: USER.id,
        app_name: 'docs',
        platform: 'tdesktop',
        start_param: 'ref_42',
      });
      expect(Object.keys(init).sort()).toEqual(PINNED_EVENT_FIELDS);
      // The relay reports a request once the page has its answer, a moment after the mock recorded it.
      const isPost = (r: RelayedRequest) => r.method === 'POST' && r.url === `${BACKEND}events`;
      await waitFor(() => relayed.some(isPost));
      const post = relayed.find(isPost);
      expect(post).toMatchObject({
        status: OK,
        preflight: { status: 204, verdict: { ok: true } },
        verdict: { ok: true },
      });
    });

    it('posts app-hide after the page is hidden, in the same session', async () => {
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        Object.defineProperty(document, 'hidden', { value: true, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await waitFor(() => recorded('app-hide').length > 0);
      const [hide] = recorded('app-hide');
      const [init] = recorded('app-init');
      expect(hide).toMatchObject({ user_id: USER.id, app_name: 'docs', session_id: init.session_id });
      expect(Object.keys(hide).sort()).toEqual(PINNED_EVENT_FIELDS);
      expect(relayed.filter((r) => r.method === 'POST').every((r) => r.status === OK)).toBe(true);
    });

    it('reached nothing but loopback and the routed backend', () => {
      // SDK 1.6.4 also calls a third-party fingerprinting service, which routeToMock answers locally
      // (blockThirdParty); anything else aborted here would be a new host, an SDK change.
      const abortedHosts = [...new Set(routes.aborted.map((u) => new URL(u).hostname))].sort();
      const known = ['api.prod.innerworks.me', 'flow.prod.innerworks.me'];
      expect(abortedHosts.filter((h) => !known.includes(h))).toEqual([]);
      expect(relayed.every((r) => r.url.startsWith(BACKEND))).toBe(true);
      expect(pageErrors.filter((m) => /WebView|telegramAnalytics/.test(m))).toEqual([]);
    });
  });
}
