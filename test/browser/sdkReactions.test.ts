// What the official SDK does with each answer the service can give: the unmodified bundle in
// Chromium, its backend routed to the mock with one fault armed, observed through the mock's
// request log (GET /__mock/requests: every POST /events, its status and its events) and journal.
// The page's clock is Playwright's fake clock, so the SDK's 2 s ticks and its backoff (minutes)
// run in a few seconds; what is compared is the order of what arrived, never how long it took.
// docs/testing-mini-apps.md's table "What the official SDK does with each answer" states these
// rows; a test below checks the table names the same rows.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import type { FaultSpec } from '../../mock-server/core/faultSpec';
import { telegramLaunchUrl } from '../../playwright';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { routeToMock } from './support/routeToMock';
import { readSdkBundle, sdkFingerprint, sdkPageHtml } from './support/sdkBundle';
import { startStaticServer } from './support/staticServer';

jest.setTimeout(120_000);

/** The SDK release these rows were observed with; a new release reruns them and names the row that changed. */
const PINNED_SDK = '1.6.4';

interface Row {
  /** The answer, as the docs' table names it. */
  answer: string;
  /** The fault armed before the page starts (none: every request is recorded). */
  fault?: FaultSpec;
  /** Each POST /events in arrival order: `status events` (status 0: the connection was dropped). */
  posts: string[];
  /** The events recorded, in order. */
  recorded: string[];
  /** Whether the SDK still holds events in its storage at the end (it has not given up on them). */
  stored: boolean;
  /** How much page time to watch after app-hide was due, for anything sent late. */
  watchMs: number;
}

// The page sends app-init when the SDK starts; the test hides the page right after the first
// POST arrived, so app-hide is queued behind it.
const ROWS: Row[] = [
  {
    answer: '2xx',
    posts: ['201 app-init', '201 app-hide'],
    recorded: ['app-init', 'app-hide'],
    stored: false,
    watchMs: 60_000,
  },
  {
    answer: '429',
    fault: { kind: 'rate-limit', count: 1 },
    posts: ['429 app-init', '201 app-init+app-hide'],
    recorded: ['app-init', 'app-hide'],
    stored: false,
    watchMs: 60_000,
  },
  {
    answer: 'another 4xx',
    fault: { kind: 'record-failure', count: 1 },
    posts: ['400 app-init'],
    recorded: [],
    stored: true,
    watchMs: 300_000,
  },
  {
    answer: '5xx',
    fault: { kind: 'server-error', count: 100 },
    posts: [
      '500 app-init',
      '500 app-init+app-hide',
      '500 app-init+app-hide',
      '500 app-init+app-hide',
      '500 app-init+app-hide',
    ],
    recorded: [],
    stored: true,
    watchMs: 900_000,
  },
  {
    answer: 'no answer (connection reset)',
    fault: { kind: 'reset', count: 1 },
    posts: ['0 app-init', '201 app-hide'],
    recorded: ['app-hide'],
    stored: false,
    watchMs: 60_000,
  },
];

interface LoggedRequest {
  path: string;
  method: string;
  status: number;
  body?: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postsSeen(mock: RunningMock): Promise<string[]> {
  const { requests } = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
    requests: LoggedRequest[];
  };
  return requests
    .filter((r) => r.method === 'POST' && r.path === '/events')
    .map((r) => {
      const events = Array.isArray(r.body) ? (r.body as { event_name: string }[]) : [];
      return `${r.status} ${events.map((e) => e.event_name).join('+')}`;
    });
}

describe('the SDK these rows were observed with', () => {
  it(`is ${PINNED_SDK}`, () => {
    expect(sdkFingerprint().version).toBe(PINNED_SDK);
  });
});

test("docs/testing-mini-apps.md's reaction table has exactly these rows, in this order", () => {
  const page = readFileSync(path.join(__dirname, '..', '..', 'docs', 'testing-mini-apps.md'), 'utf8');
  const start = page.indexOf('### What the official SDK does with each answer');
  expect(start).toBeGreaterThan(0);
  // Only this section's table: the next heading ends it.
  const end = page.indexOf('\n#', start + 1);
  const rows = page
    .slice(start, end === -1 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) => l.split('|')[1].trim());
  const tableEnd = rows.findIndex((r) => r === '');
  expect(rows.slice(0, tableEnd === -1 ? undefined : tableEnd)).toEqual(ROWS.map((r) => r.answer));
});

describeBrowser(`how @telegram-apps/analytics ${PINNED_SDK} reacts to each answer (Chromium, mock)`, () => {
  let mock: RunningMock;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    mock = await startMock();
    browser = await launchChromium();
    await routeToMock(browser.context, mock.url);
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  /** Runs the page's clock a second at a time until `done` holds or `budgetMs` of page time passed. */
  async function runUntil(page: Page, done: () => Promise<boolean>, budgetMs: number): Promise<void> {
    for (let t = 0; t < budgetMs; t += 1000) {
      if (await done()) return;
      await page.clock.runFor(1000);
      // Lets the SDK's compression and the relayed request run (pacing, not a measurement).
      await sleep(20);
    }
  }

  /** Requests to the SDK's backend the page started and has not seen settle. */
  function inFlight(page: Page): () => number {
    let open = 0;
    page.on('request', (r) => void (r.url().includes('tganalytics.xyz') && open++));
    const settled = (r: { url(): string }) => void (r.url().includes('tganalytics.xyz') && open--);
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    return () => open;
  }

  test.each(ROWS.map((r) => [r.answer, r] as const))('%s', async (_answer, row) => {
    mock.reset();
    if (row.fault) mock.fault(row.fault);
    // A fresh origin per row: the SDK keeps unsent events in the origin's storage.
    const site = await startStaticServer({
      '/app.html': { type: 'text/html', body: sdkPageHtml(mock.token('docs', 'http://127.0.0.1'), 'docs') },
      '/sdk.js': { type: 'text/javascript', body: readSdkBundle() },
    });
    const page = await browser.context.newPage();
    try {
      const open = inFlight(page);
      await page.clock.install();
      await page.goto(telegramLaunchUrl(`${site.origin()}/app.html`, { user: { id: 777 } }));
      await runUntil(page, async () => (await postsSeen(mock)).length > 0, 30_000);
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        Object.defineProperty(document, 'hidden', { value: true, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      // Watch until the row's last POST arrived, then as long again as the row says, for a late one.
      await runUntil(page, async () => (await postsSeen(mock)).length >= row.posts.length, row.watchMs);
      await page.clock.runFor(row.watchMs);
      await sleep(200);
      for (let i = 0; i < 100 && open() > 0; i++) await sleep(50);
      const stored = await page.evaluate(() =>
        [localStorage, sessionStorage].some((s) =>
          Object.keys(s).some((k) => k.startsWith('TGA-Batch-Requests') && /app-/.test(s.getItem(k) ?? '')),
        ),
      );
      const observed = {
        posts: await postsSeen(mock),
        recorded: mock.events().map((e) => e.event.event_name),
        users: [...new Set(mock.events().map((e) => e.event.user_id))],
        stored,
      };
      // On a mismatch Jest names this row and shows which of its observations changed; with a new
      // SDK release the version test above fails too, and only the rows whose behaviour changed.
      expect(observed).toEqual({
        posts: row.posts,
        recorded: row.recorded,
        users: row.recorded.length > 0 ? [777] : [],
        stored: row.stored,
      });
    } finally {
      await page.close();
      await site.close();
    }
  });
});
