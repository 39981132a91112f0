// Issue 23, with issue 22's modes: the inspector shows how the mock answers (`--answers docs` or
// `live`) and, as a proxy (`--upstream`), each exchange's upstream status and any deviation — at
// 390 and 1400 px, with the layout measured as in inspectorLayout.test.ts. The upstream is a tiny
// server on 127.0.0.1; nothing leaves the machine.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { documentedResponse } from '../../schema';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { GOOD_JSON } from '../../mock-server/test-support/fixtures';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { layoutProblems, watchConsole } from './inspectorLayout';

jest.setTimeout(60_000);

const SHOTS = path.join(__dirname, '..', '..', '.artifacts', 'inspector');

async function openInspector(browser: LaunchedBrowser, mock: RunningMock, width: number, rows: number) {
  const page = await browser.context.newPage();
  const errors = watchConsole(page);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${mock.url}/__mock/`);
  await page
    .locator('#rows > li')
    .nth(rows - 1)
    .waitFor();
  return { page, errors };
}

const post = (mock: RunningMock, body = GOOD_JSON) =>
  fetch(`${mock.url}/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'tga-auth-token': mock.token(),
      origin: 'http://localhost',
    },
    body,
  }).then(async (res) => {
    await res.arrayBuffer();
    return res.status;
  });

describeBrowser('the inspector shows the answer mode and the upstream (issues 22 and 23)', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('with --answers live', () => {
    let mock: RunningMock;
    beforeAll(async () => {
      mock = await startMock({ answers: 'live' });
      expect(await post(mock)).toBe(202);
    });
    afterAll(async () => {
      await mock?.close();
    });

    it('says so, and counts the 202 as recorded', async () => {
      const { page, errors } = await openInspector(browser, mock, 1400, 1);
      try {
        await page.locator('#mode', { hasText: 'answers: live' }).waitFor();
        expect(await page.locator('#by-status .chip').allTextContents()).toEqual(['202: 1']);
        expect(await page.locator('#by-event .chip').allTextContents()).toEqual(['app-init: 1']);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe('with --upstream', () => {
    let upstream: http.Server;
    let mock: RunningMock;
    // The first answer is the documented one, the second one the docs nor the observations know.
    const replies = [
      { status: 201, body: JSON.stringify(documentedResponse('RECORDED').body) },
      { status: 202, body: '{"message": "Success record"}' },
    ];

    beforeAll(async () => {
      let n = 0;
      upstream = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          const reply = replies[Math.min(n++, replies.length - 1)];
          res.writeHead(reply.status, {
            'content-type': 'application/json',
            'access-control-allow-origin': '*',
          });
          res.end(reply.body);
        });
      });
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      mock = await startMock({ upstream: url, upstreamTimeout: 2000 });
      expect(await post(mock)).toBe(201);
      expect(await post(mock)).toBe(202);
    });
    afterAll(async () => {
      await mock?.close();
      upstream?.closeAllConnections();
      await new Promise((resolve) => upstream?.close(resolve));
    });

    describe.each([390, 1400])('at %i px', (width) => {
      let page: Page;
      let errors: string[];
      beforeAll(async () => {
        ({ page, errors } = await openInspector(browser, mock, width, 2));
      });
      afterAll(async () => {
        await page?.close();
      });

      it("shows the proxy, each exchange's upstream status and the deviation, and reads right", async () => {
        expect(await page.locator('#mode').textContent()).toMatch(/^proxy to http:\/\/127\.0\.0\.1:\d+$/);
        const [deviating, documented] = [
          page.locator('#rows > li').nth(0),
          page.locator('#rows > li').nth(1),
        ];
        expect(await deviating.locator('.note').textContent()).toMatch(
          /^upstream 202 deviates: 202 \{"message": "Success record"\} is neither a documented nor an observed answer/,
        );
        expect(await documented.locator('.note').count()).toBe(0);
        await deviating.locator('.summary').click();
        await documented.locator('.summary').click();
        await deviating.locator('.why-deviation').waitFor();
        expect(await deviating.locator('.why-upstream').textContent()).toBe('Upstreamanswered 202');
        expect(await deviating.locator('.why-deviation').textContent()).toMatch(/^Deviation202 \{"message"/);
        expect(await documented.locator('.why-upstream').textContent()).toBe(
          'Upstreamanswered 201, as documented or observed',
        );
        expect(JSON.parse((await deviating.locator('pre.upstream').textContent()) ?? 'null')).toMatchObject({
          status: 202,
          body: { message: 'Success record' },
        });
        await page.screenshot({ path: path.join(SHOTS, `inspector-upstream-${width}.png`), fullPage: true });
        expect(await layoutProblems(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    });
  });
});
