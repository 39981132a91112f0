// The page's files: every one the page names is served, with the control API's headers, and the
// page asks for nothing else (a browser's own /favicon.ico would be a 404 in its console).
import express from 'express';
import request from 'supertest';
import { createApp } from '../http/app';
import { CONTROL_SECURITY_HEADERS } from '../http/controlGate';
import { createInspectorRouter } from './createInspectorRouter';
import type { InspectorSource } from './openEventStream';

const emptySource: InspectorSource = {
  latestRequests: () => [],
  counts: () => ({ requests: {}, recorded: 0, dropped: 0 }),
  subscribe: () => () => undefined,
};

function appWith(source: InspectorSource) {
  const app = express();
  app.use('/__mock', createInspectorRouter(source));
  return app;
}

describe('the inspector page files', () => {
  it('loads every script and style the page names, and asks for no favicon', async () => {
    const page = await request(appWith(emptySource)).get('/__mock/').expect(200);
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual(
      expect.arrayContaining(['data:,', '/__mock/inspector/inspector.css', '/__mock/inspector/inspector.js']),
    );
    // A page with no icon link makes the browser fetch /favicon.ico: a 404 in its console.
    expect(page.text).toMatch(/<link rel="icon" href="data:,"/);
    for (const url of urls.filter((u) => u.startsWith('/')))
      await request(appWith(emptySource)).get(url).expect(200);
  });

  it("serves the page's files with the control API's headers", async () => {
    const app = createApp({ secret: 's', logLevel: 'silent' });
    const names = (headers: Record<string, string>) =>
      Object.keys(headers).filter((h) => !['content-type', 'content-length', 'date'].includes(h));
    const health = await request(app).get('/__mock/health').expect(200);
    const events = await request(app).get('/__mock/events').expect(200);
    expect(events.headers['cache-control']).toBe('no-store');
    for (const path of [
      '/__mock/',
      '/__mock/inspector/inspector.js',
      '/__mock/inspector/inspectorDetail.js',
      '/__mock/inspector/inspector.css',
    ]) {
      const asset = await request(app).get(path).expect(200);
      // The same set as the control routes (the security headers, the request id)
      // plus no-store, as GET /__mock/events sends: the page is never served stale.
      expect(names(asset.headers).sort()).toEqual([...names(health.headers), 'cache-control'].sort());
      for (const name of Object.keys(CONTROL_SECURITY_HEADERS))
        expect(asset.headers[name.toLowerCase()]).toBe(CONTROL_SECURITY_HEADERS[name]);
      expect(asset.headers['cache-control']).toBe('no-store');
    }
  });
});
