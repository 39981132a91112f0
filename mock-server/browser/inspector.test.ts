// The inspector page in a real Chromium: live updates, expanding a request, clearing, arming a
// fault from the page, and staying usable with 10,000 requests in the log.
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createJournal } from '../core/journal';
import { createInspectorRouter } from '../inspector/createInspectorRouter';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './test-support/chromium';

jest.setTimeout(60_000);

async function listenOnLoopback(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describeBrowser('the inspector page', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('with 10,000 requests in the log', () => {
    const TOTAL = 10_000;
    let server: Server;
    let url: string;
    let page: Page;

    beforeAll(async () => {
      const journal = createJournal({ cap: TOTAL, requestLogCap: TOTAL });
      for (let i = 0; i < TOTAL; i++) {
        const rejected = i % 4 === 3;
        journal.logRequest({
          received_at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
          request_id: `r${i}`,
          method: 'POST',
          path: '/events',
          app_name: 'docs',
          status: rejected ? 400 : 201,
          reason: rejected ? 'VALIDATION' : 'RECORDED',
          body: [{ event_name: i % 2 === 0 ? 'app-init' : 'app-hide', app_name: 'docs', n: i }],
          response: { status: rejected ? 400 : 201, headers: {}, body: {} },
          duration_ms: 1,
        });
      }
      const app = express();
      app.use('/__mock', createInspectorRouter(journal));
      ({ server, url } = await listenOnLoopback(app));
      page = await browser.context.newPage();
      await page.goto(`${url}/__mock/`);
      await page.locator('#more', { hasText: `of ${TOTAL} matching` }).waitFor();
    });
    afterAll(async () => {
      await page?.close();
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('renders a bounded page of the newest requests and counts them all', async () => {
      const rows = page.locator('#rows > li');
      expect(await rows.count()).toBe(200);
      expect(await rows.first().getAttribute('data-seq')).toBe(String(TOTAL));
      expect(await page.locator('#by-status .chip').allTextContents()).toEqual(['201: 7500', '400: 2500']);
      expect(await page.locator('#by-event .chip').allTextContents()).toEqual([
        'app-hide: 5000',
        'app-init: 5000',
      ]);
    });

    it('filters across all of them', async () => {
      await page.fill('#filter-status', '4');
      await page.locator('#more', { hasText: 'of 2500 matching' }).waitFor();
      const statuses = await page.locator('#rows .status').allTextContents();
      expect(statuses).toHaveLength(200);
      expect(new Set(statuses)).toEqual(new Set(['400']));
      await page.fill('#filter-status', '');
    });

    it('expands a request to its full body', async () => {
      await page.locator('#rows > li').nth(3).locator('.summary').click();
      const body = await page.locator('#rows > li').nth(3).locator('pre.body').textContent();
      expect(JSON.parse(body ?? 'null')).toEqual([
        { event_name: 'app-init', app_name: 'docs', n: TOTAL - 4 },
      ]);
    });
  });
});
