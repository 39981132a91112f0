// The browser path without any request routing: a page on a second loopback origin posts to the
// mock, so Chromium's own CORS machinery (preflight included) talks to the mock's own answers.
import type { Page } from 'playwright-core';
import { documentedResponse } from '../../schema';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { POSTER_PAGE_HTML, type PosterResult } from './support/posterPage';
import { sdkEvent } from './support/sdkEvent';
import { startStaticServer, type StaticServer } from './support/staticServer';

jest.setTimeout(60_000);

const appInit = (userId: number) => sdkEvent({ user_id: userId });

describeBrowser('a cross-origin page posting gzip batches to the mock (real CORS)', () => {
  let mock: RunningMock;
  let pages: StaticServer;
  let browser: LaunchedBrowser;
  const opened: Record<string, Page> = {};

  /** Posts from a page whose origin has the given host (both resolve to this machine). */
  async function post(
    host: 'localhost' | '127.0.0.1',
    events: unknown,
    extraHeaders = {},
  ): Promise<PosterResult> {
    opened[host] ??= await browser.context.newPage();
    const page = opened[host];
    if (!page.url().startsWith(pages.origin(host))) await page.goto(`${pages.origin(host)}/poster.html`);
    // The token is for http://localhost, like the mock's printed demo token.
    return page.evaluate(
      ([url, token, body, headers]) =>
        (window as unknown as { postLikeTheSdk: (...a: unknown[]) => Promise<PosterResult> }).postLikeTheSdk(
          url,
          token,
          body,
          headers,
        ),
      [`${mock.url}/events`, mock.token('docs', 'http://localhost'), events, extraHeaders] as const,
    );
  }

  beforeAll(async () => {
    mock = await startMock();
    pages = await startStaticServer({ '/poster.html': { type: 'text/html', body: POSTER_PAGE_HTML } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  it('passes the preflight and reads 201 with the documented body', async () => {
    const result = await post('localhost', [appInit(101), { ...appInit(102), event_name: 'app-hide' }]);
    expect(result).toMatchObject({
      status: 201,
      body: documentedResponse('RECORDED').body,
      reason: 'RECORDED',
    });
    expect(mock.events().map((e) => e.event.user_id)).toEqual([101, 102]);
  });

  it('is refused by the preflight when the page sends a header the mock does not allow', async () => {
    // The control for the test above: the browser really asks the mock, and obeys its answer.
    const result = await post('localhost', [appInit(103)], { 'X-Not-Allowed': '1' });
    expect(result.error).toMatch(/Failed to fetch/);
    expect(mock.events()).toEqual([]);
  });

  it('lets a page on a foreign host read 403 and the documented body', async () => {
    const result = await post('127.0.0.1', [appInit(104)]);
    expect(result).toMatchObject({
      status: 403,
      body: documentedResponse('DOMAIN_MISMATCH').body,
      reason: 'DOMAIN_MISMATCH',
    });
    expect(mock.events()).toEqual([]);
  });

  it('lets the page read TGA-Mock-Reason and the violations on a validation failure', async () => {
    const result = await post('localhost', [{ ...appInit(105), user_id: 'not-a-number' }]);
    expect(result).toMatchObject({
      status: 400,
      body: documentedResponse('VALIDATION').body,
      reason: 'VALIDATION',
    });
    expect(JSON.parse(result.violations ?? '[]')).toEqual(
      expect.arrayContaining([expect.objectContaining({ instancePath: '/0/user_id' })]),
    );
  });
});
