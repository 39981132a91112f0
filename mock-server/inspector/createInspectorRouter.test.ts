import express from 'express';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createJournal } from '../core/journal';
import { DEFAULT_OPTIONS } from '../core/options';
import { createApp } from '../http/app';
import { startMock } from '../startMock';
import { createInspectorRouter } from './createInspectorRouter';
import type { InspectorSource } from './openEventStream';
import type { InspectedRequest } from './inspectorRow';
import { documentedResponse } from '../../schema';

// A stand-in journal: the router needs only the request log, the counts and the subscribe hook.
function fakeSource(initial: InspectedRequest[]) {
  const log = [...initial];
  const listeners = new Set<(m: { type: string; entry?: unknown }) => void>();
  const source: InspectorSource = {
    latestRequests: (n: number) => log.slice(Math.max(0, log.length - n)),
    counts: () => ({ requests: { '201': log.length }, recorded: log.length, dropped: 0 }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const push = (entry: InspectedRequest) => {
    log.push(entry);
    for (const l of listeners) l({ type: 'event', entry: {} });
    for (const l of listeners) l({ type: 'request', entry });
  };
  return { source, push, listeners };
}

const entry = (seq: number, name = 'app-init'): InspectedRequest => ({
  seq,
  received_at: '2026-01-01T00:00:00.000Z',
  app_name: 'docs',
  status: 201,
  reason: 'RECORDED',
  body: [{ event_name: name, app_name: 'docs' }],
  response: { status: 201, headers: {}, body: documentedResponse('RECORDED').body },
});

function appWith(source: InspectorSource, options: Parameters<typeof createInspectorRouter>[1] = {}) {
  const app = express();
  app.use('/__mock', createInspectorRouter(source, options));
  return app;
}

/** Reads server-sent events until `count` frames arrived, then hangs up; gives up after 4 s. */
function readFrames(
  url: string,
  count: number,
  onOpen: () => void,
): Promise<{ event: string; data: unknown }[]> {
  return new Promise((resolve, reject) => {
    const frames: { event: string; data: unknown }[] = [];
    let buffer = '';
    // A missing frame must fail the test, not leave an open stream that keeps Jest from exiting.
    const timer = setTimeout(() => {
      req.destroy();
      reject(
        new Error(`got ${frames.length} of ${count} frames: ${JSON.stringify(frames.map((f) => f.event))}`),
      );
    }, 4000);
    const req = http.get(url, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      onOpen();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(raw)?.[1];
          const data = /^data: (.*)$/m.exec(raw)?.[1];
          if (event !== undefined && data !== undefined) frames.push({ event, data: JSON.parse(data) });
          if (frames.length === count) {
            clearTimeout(timer);
            req.destroy();
            resolve(frames);
          }
        }
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('createInspectorRouter', () => {
  it('serves the page at /__mock/ and /__mock, with its script and style', async () => {
    const app = appWith(fakeSource([]).source);
    for (const path of ['/__mock/', '/__mock']) {
      const page = await request(app).get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<ol id="rows"');
    }
    await request(app)
      .get('/__mock/inspector/inspector.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await request(app)
      .get('/__mock/inspector/inspectorDetail.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await request(app)
      .get('/__mock/inspector/inspector.css')
      .expect(200)
      .expect('content-type', /text\/css/);
  });

  it('with an admin token, wants it as the header or as ?admin_token= (a browser cannot set headers)', async () => {
    const app = appWith(fakeSource([]).source, { adminToken: 'sesame' });
    const refused = await request(app).get('/__mock/').expect(403);
    expect(refused.headers['tga-mock-reason']).toBe('FORBIDDEN_ADMIN');
    await request(app).get('/__mock/inspector/inspector.js?admin_token=nope').expect(403);
    await request(app).get('/__mock/?admin_token=sesame').expect(200);
    await request(app)
      .get('/__mock/inspector/inspector.css')
      .set('TGA-Mock-Admin-Token', 'sesame')
      .expect(200);
  });

  it('streams a snapshot of the newest requests, then each new request, and unsubscribes on hang-up', async () => {
    const { source, push, listeners } = fakeSource([entry(1), entry(2), entry(3)]);
    const server = appWith(source, { snapshotLimit: 2 }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__mock/inspector/stream`;
      const frames = await readFrames(url, 2, () => setImmediate(() => push(entry(4, 'app-hide'))));
      expect(frames[0].event).toBe('snapshot');
      const snapshot = frames[0].data as { rows: { seq: number }[]; counts: { recorded: number } };
      expect(snapshot.rows.map((r) => r.seq)).toEqual([2, 3]);
      expect(snapshot.counts.recorded).toBe(3);
      expect(frames[1]).toMatchObject({
        event: 'request',
        data: {
          row: { seq: 4, event_names: ['app-hide'], status: 201, reason: 'RECORDED' },
          counts: { recorded: 4 },
        },
      });
      for (let i = 0; i < 50 && listeners.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(listeners.size).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('tells every open feed when the journal is emptied, wherever it was emptied from', async () => {
    const journal = createJournal({ cap: 10, maxBytes: DEFAULT_OPTIONS.journalMaxBytes });
    journal.record({ requestId: 'r1', appName: 'docs', events: [{ event_name: 'app-init' } as never] });
    const server = appWith(journal).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__mock/inspector/stream`;
      const frames = await readFrames(url, 2, () => setImmediate(() => journal.clear()));
      expect(frames.map((f) => f.event)).toEqual(['snapshot', 'clear']);
      expect(frames[1].data).toEqual({
        counts: expect.objectContaining({ requests: {}, recorded: 0, dropped: 0 }),
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reads the mock journal: rejected requests too, with their reason', async () => {
    const journal = createJournal({ cap: 10, maxBytes: DEFAULT_OPTIONS.journalMaxBytes });
    journal.logRequest({
      received_at: '2026-01-01T00:00:00.000Z',
      request_id: 'r1',
      method: 'POST',
      path: '/events',
      status: 400,
      reason: 'TOKEN_MISSING_OR_MALFORMED',
      delivered: true,
      rawHeaders: [],
      bodyBytes: Buffer.from(JSON.stringify([{ event_name: 'app-init', app_name: 'docs' }])),
      response: { status: 400, headers: {}, body: {} },
      duration_ms: 1,
    });
    const server = appWith(journal).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__mock/inspector/stream`;
      const [snapshot] = await readFrames(url, 1, () => undefined);
      expect(snapshot.data).toMatchObject({
        rows: [
          {
            seq: 1,
            status: 400,
            reason: 'TOKEN_MISSING_OR_MALFORMED',
            // No token, so no app (issue 23); what the body claims is kept for the why.
            app_name: null,
            claimed_app: 'docs',
            event_names: ['app-init'],
          },
        ],
        counts: { requests: { '400': 1 } },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the inspector mounted in the mock', () => {
  it('is served at /__mock/ beside the control API, which still answers as before', async () => {
    const app = createApp({ secret: 's', logLevel: 'silent' });
    const page = await request(app).get('/__mock/').expect(200);
    expect(page.text).toContain('tga-mock inspector');
    await request(app).get('/__mock/health').expect(200);
    const unknown = await request(app).get('/__mock/nope').expect(404);
    expect(unknown.headers['tga-mock-reason']).toBe('NOT_FOUND');
  });

  it('follows --admin-token like the control API', async () => {
    const app = createApp({ secret: 's', adminToken: 'sesame', logLevel: 'silent' });
    await request(app).get('/__mock/').expect(403);
    await request(app).get('/__mock/').query({ admin_token: 'sesame' }).expect(200);
    await request(app).get('/__mock/faults').set('TGA-Mock-Admin-Token', 'sesame').expect(200);
  });

  it('ends open live feeds when the mock shuts down, so they do not hold the shutdown open', async () => {
    const mock = await startMock();
    let ended: Promise<boolean> = Promise.resolve(false);
    let connection: string | undefined;
    await new Promise<void>((opened) => {
      http.get(`${mock.url}/__mock/inspector/stream`, (res) => {
        // The feed owns its connection, so ending it frees the socket (no keep-alive to wait out).
        connection = res.headers.connection;
        ended = new Promise((resolve) => {
          res.on('end', () => resolve(res.complete));
          res.on('error', () => resolve(false));
        });
        res.once('data', () => opened());
        res.resume();
      });
    });
    await mock.close();
    // A clean end of the chunked response, not the socket torn down after the grace period.
    expect(await ended).toBe(true);
    expect(connection).toBe('close');
  });
});

describe('inspector feeds are bounded (issue 14: 10 stalled viewers once held 1.26 GB)', () => {
  const big = (seq: number): InspectedRequest => ({
    ...entry(seq),
    // 16 KB of \x01 is 96 KB as JSON text (\u0001): the case that made snapshots 49 MB.
    body: '\x01'.repeat(16 * 1024),
  });

  async function serve(source: InspectorSource, options: Parameters<typeof createInspectorRouter>[1]) {
    const server = appWith(source, options).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      server,
      port,
      url: `http://127.0.0.1:${port}/__mock/inspector/stream`,
      close: async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  /** A viewer that reads the first chunk, then stops reading. */
  function stalled(port: number): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(`GET /__mock/inspector/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`),
      );
      socket.once('data', () => {
        socket.pause();
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  it('the snapshot holds only the newest rows that fit its byte budget', async () => {
    const { source } = fakeSource(Array.from({ length: 500 }, (_, i) => big(i + 1)));
    const journalLike: InspectorSource = {
      ...source,
      latestRequests: (n, maxBytes, size) => {
        const out: InspectedRequest[] = [];
        let used = 0;
        for (let s = 500; s > 500 - n && s > 0; s--) {
          used += size(big(s));
          if (used > maxBytes) break;
          out.push(big(s));
        }
        return out.reverse();
      },
    };
    const srv = await serve(journalLike, {});
    try {
      const [snapshot] = await readFrames(srv.url, 1, () => undefined);
      const rows = (snapshot.data as { rows: { seq: number }[] }).rows;
      expect(JSON.stringify(snapshot.data).length).toBeLessThan(1.1 * 1024 * 1024);
      expect(rows.length).toBeGreaterThan(5);
      expect(rows[rows.length - 1].seq).toBe(500);
    } finally {
      await srv.close();
    }
  });

  it('caps the number of feeds (503 CONTROL_BUSY) and destroys a stalled feed once its backlog passes the bound', async () => {
    const { source, push } = fakeSource([]);
    // A backlog bound larger than the kernel's socket buffers, so an ended (not destroyed) feed would stay open.
    const srv = await serve(source, { maxViewers: 2, maxBacklogBytes: 8 * 1024 * 1024 });
    const sockets: net.Socket[] = [];
    const connections = () =>
      new Promise<number>((resolve) => srv.server.getConnections((_e, n) => resolve(n)));
    try {
      sockets.push(await stalled(srv.port), await stalled(srv.port));
      const third = await request(`http://127.0.0.1:${srv.port}`)
        .get('/__mock/inspector/stream')
        .set('Connection', 'close');
      expect(third.status).toBe(503);
      expect(third.headers['tga-mock-reason']).toBe('CONTROL_BUSY');
      for (let i = 0; i < 50 && (await connections()) > 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await connections()).toBe(2);
      // Rows the stalled feeds cannot take: the kernel's buffers fill, then the mock's backlog. The
      // mock must then destroy the socket (ending it would keep the backlog queued for a reader
      // that never comes): its side of both connections is gone while the viewers still do not read.
      for (let i = 0; i < 400; i++) push(big(i + 1));
      for (let i = 0; i < 100 && (await connections()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await connections()).toBe(0);
      // Their places are free again.
      sockets.push(await stalled(srv.port));
    } finally {
      sockets.forEach((s) => s.destroy());
      await srv.close();
    }
  });
});
