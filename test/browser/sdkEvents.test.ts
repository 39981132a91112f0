// Every kind of event the official SDK (1.6.4) sends, made to happen from a test: an unmodified
// Mini App page (both CDN script tags) in Chromium through routeToMock, the SDK's 2-second batches
// run by Playwright's fake clock. TON Connect and custom events are the window events TON Connect
// dispatches (`ton-connect-<name>`, `ton-connect-ui-<name>`); the purchase events come from
// WebApp.openInvoice and Telegram's invoice_closed; register-invoice from registerInvoice;
// app-hide from hiding the page. Each arrives with the launch's user, and the contract's strict
// schema accepts it. docs/testing-mini-apps.md's "Every event the SDK sends" states these rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createRequestValidator } from '../../schema';
import realClients from '../../schema/examples/real-clients.json';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import type { JournalEntry } from '../../mock-server/core/journal';
import { routeToMock, telegramCalls, telegramEmit, telegramLaunchUrl } from '../../playwright';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { miniAppPageHtml } from './support/miniAppPage';
import { abortOffMachine } from './support/routeToMock';
import { startStaticServer, type StaticServer } from './support/staticServer';

jest.setTimeout(60_000);

const USER = { id: 5123456789, first_name: 'Ada', language_code: 'en', is_premium: true };
/** What the SDK adds to every event; the rest is what the page (or TON Connect) gave it. */
const SDK_FIELDS = [
  'session_id',
  'user_id',
  'app_name',
  'is_premium',
  'platform',
  'locale',
  'start_param',
  'client_timestamp',
];

type Fields = Record<string, unknown>;

/** What the page's scripts define: Telegram's (the stand-in) and the SDK's. */
interface PageGlobals {
  Telegram: { WebApp: { openInvoice(url: string): void } };
  telegramAnalytics: { registerInvoice(invoice: unknown): void };
}

/** A real client's event from schema/examples/real-clients.json, without what the SDK adds. */
function ownFields(vector: string): Fields {
  const found = realClients.vectors.find((v) => v.name === vector);
  if (found === undefined) throw new Error(`no vector ${vector} in real-clients.json`);
  const [event] = found.body as Fields[];
  return Object.fromEntries(Object.entries(event).filter(([k]) => !SDK_FIELDS.includes(k)));
}

/**
 * TON Connect's events, as its SDK (`ton-connect-<name>`) and its UI (`ton-connect-ui-<name>`)
 * dispatch them on window, and the real client's event each is modelled on. These are the window
 * events SDK 1.6.4 listens to (it attaches exactly these).
 */
const TON_CONNECT: [windowEvent: string, vector: string][] = [
  ['ton-connect-ui-connection-started', 'connection-started'],
  ['ton-connect-connection-completed', 'connection-completed (ton_proof)'],
  ['ton-connect-connection-error', 'connection-error with numeric error_code'],
  ['ton-connect-ui-connection-error', 'connection-error with error_code null'],
  [
    'ton-connect-connection-restoring-completed',
    'connection-restoring-completed with no wallet (all wallet fields null, ton_addr)',
  ],
  ['ton-connect-connection-restoring-error', 'connection-restoring-error'],
  ['ton-connect-transaction-sent-for-signature', 'transaction-sent-for-signature'],
  ['ton-connect-transaction-signed', 'transaction-signed'],
  [
    'ton-connect-transaction-signing-failed',
    'transaction-signing-failed with full messages (payload, state_init null)',
  ],
  [
    'ton-connect-ui-transaction-signing-failed',
    'transaction-signing-failed with full messages (payload, state_init null)',
  ],
  ['ton-connect-disconnection', 'disconnection (scope dapp)'],
  ['ton-connect-custom-event', 'custom-event'],
];

const INVOICE = {
  slug: 'kl2pLx7aSEkUAgAAZ-fN3Q',
  title: 'Premium pack',
  description: '30 days of premium features',
  payload: 'order-42',
  currency: 'XTR',
  prices: [{ label: 'Premium pack', amount: 250 }],
};

const strict = createRequestValidator({ strict: true });

describeBrowser('every event the official SDK sends, from a test (Chromium, fake clock)', () => {
  let mock: RunningMock;
  let site: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let sessionId: string;
  let leaked: string[] = [];
  const pageErrors: string[] = [];

  /** Runs the SDK's batching tick on the page's clock and waits for the events it sends. */
  async function sent(eventName: string, count = 1): Promise<JournalEntry[]> {
    const arrived = mock.waitForEvents({ event_name: eventName }, { count });
    await page.clock.runFor(2000);
    const entries = await arrived;
    // Sent once, and accepted: no batch was refused or sent twice.
    expect(mock.requests().map((r) => r.status)).toEqual(mock.requests().map(() => 201));
    return entries;
  }

  beforeAll(async () => {
    mock = await startMock();
    site = await startStaticServer({
      '/': { type: 'text/html', body: miniAppPageHtml(mock.token('docs', 'http://127.0.0.1'), 'docs') },
    });
    browser = await launchChromium();
    // Registered first, so it runs last: a request none of routeToMock's routes took.
    leaked = await abortOffMachine(browser.context);
    await routeToMock(browser.context, mock.url);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The clock is Playwright's from the first script on: the SDK's 2 s tick runs when the test says.
    await page.clock.install();
    await page.goto(telegramLaunchUrl(`${site.origin()}/`, { user: USER, startParam: 'ref_42' }));
    const [init] = await sent('app-init');
    sessionId = init.event.session_id;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  /** The event as the SDK sent it: what the page gave, plus the launch's user and session. */
  function expectSent(entry: JournalEntry, own: Fields): void {
    expect(entry.event).toEqual({
      ...own,
      session_id: sessionId,
      user_id: USER.id,
      app_name: 'docs',
      is_premium: true,
      platform: 'tdesktop',
      locale: 'en',
      start_param: 'ref_42',
      client_timestamp: expect.stringMatching(/^\d+$/),
    });
    expect(strict.validate([entry.event])).toMatchObject({ ok: true });
  }

  test.each(TON_CONNECT)('%s (as in real-clients.json: %s)', async (windowEvent, vector) => {
    const { event_name: type, ...detail } = ownFields(vector);
    await page.evaluate(([name, d]) => window.dispatchEvent(new CustomEvent(name, { detail: d })), [
      windowEvent,
      { type, ...detail },
    ] as const);
    const [entry] = await sent(String(type));
    expectSent(entry, { event_name: type, ...detail });
  });

  test('purchase-init: WebApp.openInvoice (Telegram is asked web_app_open_invoice)', async () => {
    await page.evaluate(() =>
      (window as unknown as PageGlobals).Telegram.WebApp.openInvoice('https://t.me/$kl2pLx7aSEkUAgAAZ-fN3Q'),
    );
    const [entry] = await sent('purchase-init');
    expectSent(entry, { event_name: 'purchase-init', slug: INVOICE.slug });
    expect((await telegramCalls(page)).at(-1)).toEqual({
      event: 'web_app_open_invoice',
      params: { slug: INVOICE.slug },
    });
  });

  test.each([
    ['paid', 'purchase-success'],
    ['failed', 'purchase-failed'],
    ['cancelled', 'purchase-cancelled'],
  ])("Telegram's invoice_closed with status %s: %s", async (status, eventName) => {
    await telegramEmit(page, 'invoice_closed', { slug: INVOICE.slug, status });
    const [entry] = await sent(eventName);
    expectSent(entry, { event_name: eventName, slug: INVOICE.slug });
  });

  test('register-invoice: telegramAnalytics.registerInvoice(payload), the payload sent whole', async () => {
    await page.evaluate(
      (invoice) => (window as unknown as PageGlobals).telegramAnalytics.registerInvoice(invoice),
      INVOICE,
    );
    const [entry] = await sent('register-invoice');
    expectSent(entry, { event_name: 'register-invoice', ...INVOICE });
  });

  test('app-hide: the page hidden (visibilitychange)', async () => {
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const [entry] = await sent('app-hide');
    expectSent(entry, { event_name: 'app-hide' });
  });

  test('nothing left the machine, and the page logged no uncaught error', () => {
    expect(leaked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

test("docs/testing-mini-apps.md's event table names each TON Connect window event tested here", () => {
  const page = readFileSync(path.join(__dirname, '..', '..', 'docs', 'testing-mini-apps.md'), 'utf8');
  const start = page.indexOf('### Every event the SDK sends');
  expect(start).toBeGreaterThan(0);
  const section = page.slice(start, page.indexOf('\n## ', start));
  for (const [windowEvent] of TON_CONNECT) expect(section).toContain(`\`${windowEvent}\``);
  for (const name of ['purchase-init', 'purchase-success', 'register-invoice', 'app-hide'])
    expect(section).toContain(`\`${name}\``);
});
