// Drive-by control (issue 14): a page on another origin tries what any web page the developer has
// open could try against a mock on 127.0.0.1 — a no-cors fetch arming a permanent 60 s latency
// fault, a CORS fetch with a JSON body, an HTML form with enctype=text/plain smuggling a JSON
// fault, framing the inspector. Chromium really sends each request (the mock's request lines show
// it arrived and was refused) and afterwards no fault is armed and the journal is intact.
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import pino from 'pino';
import { startMock, type RunningMock } from '../../mock-server/startMock';
import { describeBrowser, launchChromium, type LaunchedBrowser } from './support/chromium';
import { sdkEvent } from './support/sdkEvent';
import { startStaticServer, type StaticServer } from './support/staticServer';
import { waitFor } from './support/waitFor';

jest.setTimeout(60_000);

interface LogLine {
  method: string;
  path: string;
  status: number | string;
  reason?: string;
}

const ATTACK_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>not the mock</title></head>
<body><iframe name="sink"></iframe></body></html>`;

describeBrowser('a page on another origin cannot drive the control API or frame the inspector', () => {
  let mock: RunningMock;
  let pages: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const lines: LogLine[] = [];
  const refused = (path: string, method = 'POST') =>
    lines.filter((l) => l.path === path && l.method === method && l.status === 403);
  const armed = async () =>
    ((await (await fetch(`${mock.url}/__mock/faults`)).json()) as { faults: unknown[] }).faults;

  beforeAll(async () => {
    // The mock's request lines (one JSON line per request) are how the test sees what arrived.
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as LogLine);
        done();
      },
    });
    mock = await startMock({}, { logger: pino({ level: 'info' }, sink) });
    pages = await startStaticServer({ '/attack.html': { type: 'text/html', body: ATTACK_PAGE } });
    browser = await launchChromium();
    page = await browser.context.newPage();
    // localhost:OTHER_PORT is another site than 127.0.0.1:MOCK_PORT: what an attacker's page is.
    await page.goto(`${pages.origin('localhost')}/attack.html`);
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await pages?.close();
    await mock?.close();
  });

  it('a no-cors fetch POST arming a 60 s latency fault is refused and arms nothing', async () => {
    const outcome = await page.evaluate(async (url) => {
      const spec = JSON.stringify({ kind: 'latency', ms: 60000, probability: 1 });
      const res = await fetch(`${url}/__mock/faults`, { method: 'POST', mode: 'no-cors', body: spec });
      // In no-cors mode a JSON Content-Type is silently dropped: it goes out as text/plain.
      const typed = await fetch(`${url}/__mock/faults`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'Content-Type': 'application/json' },
        body: spec,
      });
      return [res.type, typed.type];
    }, mock.url);
    expect(outcome).toEqual(['opaque', 'opaque']); // the page learns nothing either
    await waitFor(() => refused('/__mock/faults').length >= 2, 50);
    expect(refused('/__mock/faults').map((l) => l.reason)).toEqual([
      'CROSS_SITE_REFUSED',
      'CROSS_SITE_REFUSED',
    ]);
    expect(await armed()).toEqual([]);
  });

  it('a CORS fetch with a JSON body fails its preflight and never reaches the route', async () => {
    const error = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/__mock/faults`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'rate-limit', count: 7 }),
        });
        return 'no error';
      } catch (e) {
        return String(e);
      }
    }, mock.url);
    expect(error).toMatch(/Failed to fetch/);
    expect(lines.filter((l) => l.path === '/__mock/faults' && l.method === 'OPTIONS')).not.toEqual([]);
    expect(await armed()).toEqual([]);
  });

  it('a form with enctype=text/plain smuggling a JSON fault is refused and arms nothing', async () => {
    const before = refused('/__mock/faults').length;
    await page.evaluate((url) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.enctype = 'text/plain';
      form.action = `${url}/__mock/faults`;
      form.target = 'sink';
      const input = document.createElement('input');
      input.name = '{"kind":"';
      input.value = '","kind":"rate-limit","count":7}';
      form.appendChild(input);
      document.body.appendChild(form);
      form.submit();
    }, mock.url);
    await waitFor(() => refused('/__mock/faults').length > before, 50);
    expect(
      refused('/__mock/faults')
        .slice(before)
        .map((l) => l.reason),
    ).toEqual(['CROSS_SITE_REFUSED']);
    expect(await armed()).toEqual([]);
  });

  it('framing the inspector shows nothing of it: no "Clear journal" to click', async () => {
    const token = mock.token('docs', 'http://localhost');
    const posted = await fetch(`${mock.url}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': token, Origin: 'http://localhost' },
      body: JSON.stringify(sdkEvent({ user_id: 1 })),
    });
    expect(posted.status).toBe(201);
    await page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.name = 'framed';
          frame.src = `${url}/__mock/`;
          frame.onload = () => resolve();
          document.body.appendChild(frame);
          setTimeout(resolve, 5000);
        }),
      mock.url,
    );
    // A blocked frame may be swapped for Chromium's error page (and lose its name): look in every
    // frame of the page, none may show the inspector's "Clear journal" button.
    expect(await page.locator('iframe[name="framed"]').count()).toBe(1);
    expect(page.frames().length).toBeGreaterThan(1);
    for (const frame of page.frames()) expect(await frame.locator('#clear').count()).toBe(0);
    expect(lines.some((l) => l.path === '/__mock/' && l.method === 'GET')).toBe(true);
    expect(mock.events()).toHaveLength(1);
  });

  it('the same requests from a Node client (no Origin, JSON) work: the refusals are about the page', async () => {
    const res = await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'rate-limit', count: 7 }),
    });
    expect(res.status).toBe(201);
    expect(await armed()).toHaveLength(1);
    mock.reset();
  });
});
