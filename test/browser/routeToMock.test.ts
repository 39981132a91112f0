// tga-contract/playwright's routeToMock in Chromium, from a page's standpoint: both SDK backends
// reach the mock (method, path, query, headers and body intact), the mock's CORS answers are what
// the page sees, other requests are left alone, and the returned function removes the routing.
import type { Page } from 'playwright-core';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { routeToMock, type RelayedRequest } from '../../playwright';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { sdkEvent } from './support/sdkEvent';
import { startStaticServer, type StaticServer } from './support/staticServer';

jest.setTimeout(60_000);

const GOOD_EVENT = sdkEvent();

type Outcome = { status: number; body: unknown; reason: string | null } | { error: string };

describeBrowser('routeToMock (tga-contract/playwright) in Chromium', () => {
  let mock: RunningMock;
  let site: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;

  /** fetch() run by the page, as its own code would. */
  const pageFetch = (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) =>
    page.evaluate(
      async ([u, i]) => {
        try {
          const res = await fetch(u, i);
          return { status: res.status, body: await res.json(), reason: res.headers.get('TGA-Mock-Reason') };
        } catch (error) {
          return { error: String(error) };
        }
      },
      [url, init] as const,
    ) as Promise<Outcome>;

  beforeAll(async () => {
    mock = await startMock({ threshold: { 'app-hide': 7 } });
    site = await startStaticServer({
      '/': { type: 'text/html', body: '<!doctype html><p>app</p>' },
      '/local.json': { type: 'application/json', body: '{"served":"by the page\'s own server"}' },
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(`${site.origin()}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await mock?.close();
  });

  test('routes both backends to the mock; the page reads the mock answers; other requests are left alone; unroute restores', async () => {
    const relayed: RelayedRequest[] = [];
    const unroute = await routeToMock(page, mock.url, { onRelayed: (r) => relayed.push(r) });
    const token = mock.token('docs', site.origin());
    const post = (backend: string, body: unknown, headers: Record<string, string> = {}) =>
      pageFetch(`${backend}/events?from=page`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': token, ...headers },
        body: JSON.stringify(body),
      });

    expect(await pageFetch('https://tganalytics.xyz/events/threshold')).toEqual({
      status: 200,
      body: { 'app-hide': 7 },
      reason: null,
    });
    expect(await post('https://tganalytics.xyz', [GOOD_EVENT])).toEqual({
      status: 201,
      body: { message: 'Success record.' },
      reason: 'RECORDED',
    });
    expect(await post('https://staging.tganalytics.xyz', [{ ...GOOD_EVENT, user_id: 43 }])).toMatchObject({
      status: 201,
    });
    expect(mock.events().map((e) => e.event.user_id)).toEqual([42, 43]);
    // The request reached the mock as the page sent it: path, query, the page's Origin.
    const { requests } = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
      requests: { method: string; path: string; headers: Record<string, string> }[];
    };
    expect(requests.map((r) => [r.method, r.path, r.headers.origin])).toEqual([
      ['POST', '/events', site.origin()],
      ['POST', '/events', site.origin()],
    ]);
    // A refusal is readable by the page, as from the real service (CORS headers on every answer).
    expect(await post('https://tganalytics.xyz', [{ ...GOOD_EVENT, app_name: 'other' }])).toMatchObject({
      status: 400,
      reason: 'APP_NAME_MISMATCH',
    });
    // A header the mock's preflight does not allow fails in the page, as it would in the browser.
    const refused = await post('https://tganalytics.xyz', [GOOD_EVENT], { 'X-Not-Allowed': '1' });
    expect(refused).toEqual({ error: expect.stringContaining('Failed to fetch') });
    expect(relayed.at(-1)).toMatchObject({
      method: 'POST',
      status: null,
      preflight: { status: 204, verdict: { ok: false, reason: expect.stringContaining('x-not-allowed') } },
    });
    expect(mock.events()).toHaveLength(2);
    // Not a backend: the page's own server answers.
    expect(await pageFetch(`${site.origin()}/local.json`)).toMatchObject({
      status: 200,
      body: { served: "by the page's own server" },
    });

    await unroute();
    // The test browser resolves no outside host: without the routing the request fails.
    expect(await pageFetch('https://tganalytics.xyz/events/threshold')).toEqual({
      error: expect.stringContaining('Failed to fetch'),
    });
  });

  test('a mock that is not there is a network error in the page', async () => {
    const gone = await startMock();
    const url = gone.url;
    await gone.close();
    const unroute = await routeToMock(browser.context, url);
    try {
      expect(await pageFetch('https://tganalytics.xyz/events/threshold')).toEqual({
        error: expect.stringContaining('Failed to fetch'),
      });
    } finally {
      await unroute();
    }
  });

  test('rejects a mock URL that is not http(s)', async () => {
    await expect(routeToMock(page, 'ftp://127.0.0.1/')).rejects.toThrow('mockUrl must be an http(s) URL');
  });
});
