// An unmodified Mini App page in Chromium through tga-contract/playwright's routeToMock alone:
// Telegram's script answered with the stand-in, the SDK's CDN script with the installed bundle, the
// SDK's API with the mock, its third-party hosts refused, and nothing else leaving the machine.
import type { Page } from 'playwright-core';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import {
  routeToMock,
  telegramCalls,
  telegramEmit,
  telegramLaunchUrl,
  type HandledRequest,
} from '../../playwright';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { miniAppPageHtml } from './support/miniAppPage';
import { abortOffMachine } from './support/routeToMock';
import { startStaticServer, type StaticServer } from './support/staticServer';

jest.setTimeout(60_000);

const USER = { id: 5123456789, first_name: 'Ada', language_code: 'en', is_premium: true };

describeBrowser('an unmodified Mini App page, hermetic through routeToMock', () => {
  let mock: RunningMock;
  let site: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const handled: HandledRequest[] = [];
  let leaked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mock = await startMock();
    site = await startStaticServer({
      '/': { type: 'text/html', body: miniAppPageHtml(mock.token('docs', 'http://127.0.0.1'), 'docs') },
    });
    browser = await launchChromium();
    // Registered first, so it runs last: a request none of routeToMock's routes took.
    leaked = await abortOffMachine(browser.context);
    await routeToMock(browser.context, mock.url, { onHandled: (h) => handled.push(h) });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(telegramLaunchUrl(`${site.origin()}/`, { user: USER }));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await mock?.close();
  });

  test("app-init arrives with the launch's user, and the page shows that id", async () => {
    const [init] = await mock.waitForEvents({ event_name: 'app-init' });
    expect(init.event).toMatchObject({ user_id: USER.id, app_name: 'docs' });
    expect(await page.textContent('#user')).toBe(String(USER.id));
  });

  test('telegramCalls lists what the page asked of Telegram; telegramEmit reaches its handler', async () => {
    const events = (await telegramCalls(page)).map((c) => c.event);
    expect(events).toEqual(
      expect.arrayContaining(['web_app_ready', 'web_app_expand', 'web_app_setup_main_button']),
    );
    const setup = (await telegramCalls(page)).filter((c) => c.event === 'web_app_setup_main_button').at(-1);
    expect(setup?.params).toMatchObject({ is_visible: true, text: 'Buy' });
    await telegramEmit(page, 'main_button_pressed');
    await telegramEmit(page, 'main_button_pressed');
    expect(await page.textContent('#clicks')).toBe('2');
  });

  test('both CDN scripts were served locally, the third-party hosts refused, nothing leaked', () => {
    const served = handled.filter((h) => h.outcome === 'served').map((h) => h.kind);
    expect(served.sort()).toEqual(['sdk-script', 'telegram-script']);
    const refusedHosts = handled.filter((h) => h.kind === 'third-party').map((h) => new URL(h.url).hostname);
    expect(refusedHosts.every((h) => h.endsWith('.innerworks.me'))).toBe(true);
    expect(leaked).toEqual([]);
    // Not even the SDK's fingerprinting client fails: its hosts get a harmless local answer.
    expect(pageErrors).toEqual([]);
    expect(handled.filter((h) => h.kind === 'third-party').every((h) => h.outcome === 'refused')).toBe(true);
  });

  test('the same page with a token for another origin: waitForEvents rejects naming DOMAIN_MISMATCH', async () => {
    // Issued for localhost, opened from 127.0.0.1: the mock refuses every batch with a 403.
    const other = await startStaticServer({
      '/': { type: 'text/html', body: miniAppPageHtml(mock.token('docs', 'http://localhost'), 'docs') },
    });
    const tab = await browser.context.newPage();
    try {
      mock.reset();
      await tab.goto(telegramLaunchUrl(`${other.origin()}/`, { user: USER }));
      await expect(mock.waitForEvents({ event_name: 'app-init' }, { timeoutMs: 8000 })).rejects.toThrow(
        "got 0; nothing arrived; 1 request refused: 403 DOMAIN_MISMATCH — Origin host 127.0.0.1 is not the token's domain host localhost",
      );
    } finally {
      await tab.close();
      await other.close();
    }
  });

  test('telegramCalls and telegramEmit name the stand-in when the page has none', async () => {
    const bare = await browser.context.newPage();
    try {
      await bare.goto(`${site.origin()}/nothing-here`);
      await expect(telegramCalls(bare)).rejects.toThrow('the page has no Telegram stand-in');
      await expect(telegramEmit(bare, 'main_button_pressed')).rejects.toThrow('telegramScript');
    } finally {
      await bare.close();
    }
  });
});
