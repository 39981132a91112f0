// The control streams under heavy and hostile use (issue 21): long-poll fan-out, polls whose
// clients go, pages bounded in bytes, stalled readers, listeners per drain, events served as the
// bytes received, and a journal file on a pipe nobody reads.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { TgaEvent } from '../../schema';
import { startMock } from '../startMock';
import { GOOD_BODY, GOOD_JSON, makeApp, token } from '../test-support/fixtures';
import type { MockApp } from './app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serve(app: MockApp): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}
const stop = (server: http.Server) =>
  new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
/** Resolves once the server holds `n` connections and has had a moment to start their waits. */
async function connections(server: http.Server, n: number): Promise<void> {
  for (;;) {
    const have = await new Promise<number>((r) => server.getConnections((_e, c) => r(c)));
    if (have >= n) {
      await sleep(200);
      return;
    }
    await sleep(20);
  }
}
/** A raw GET that is sent and then never read. */
function stalledGet(port: number, path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      socket.pause();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}
const record = (app: MockApp, n: number, raw: (i: number) => string = () => GOOD_JSON) => {
  for (let i = 0; i < n; i++) {
    const text = raw(i);
    app.mock.journal.record({
      requestId: `r${i}`,
      appName: 'docs',
      events: [JSON.parse(text)].flat() as TgaEvent[],
      raw: Buffer.from(text),
    });
  }
};
const bigEvent = (size: number) =>
  JSON.stringify({ ...GOOD_BODY[0], custom_data: { pad: 'x'.repeat(size) } });

describe('control streams under load', () => {
  // 50 waiters on 9,999 events once took RSS 85 → 760 MB and blocked the loop for 4 s: each parsed
  // max(min, limit) entries inside record(), and the route threw the result away.
  test('long-poll fan-out: 50 waiters read nothing inside record(), then one page each', async () => {
    const app = makeApp();
    record(app, 2000);
    const { server, port } = await serve(app);
    try {
      const polls = Array.from({ length: 50 }, () =>
        fetch(`http://127.0.0.1:${port}/__mock/events?min=2001&limit=1&wait_ms=20000`).then(
          async (r) => (await r.json()) as { timed_out: boolean; events: unknown[] },
        ),
      );
      await connections(server, 50);
      const parse = jest.spyOn(JSON, 'parse');
      try {
        record(app, 1);
        expect(parse.mock.calls.length).toBeLessThanOrEqual(1); // the test's own parse of GOOD_JSON
      } finally {
        parse.mockRestore();
      }
      for (const body of await Promise.all(polls)) {
        expect(body.timed_out).toBe(false);
        expect(body.events).toHaveLength(1);
      }
    } finally {
      await stop(server);
    }
  }, 30_000);

  // 256 polls whose sockets closed after 1 s kept their slots: new polls got 503 for their wait_ms.
  test('a long poll frees its slot when its client goes', async () => {
    const app = makeApp();
    const { server, port } = await serve(app);
    try {
      const sockets = await Promise.all(
        Array.from({ length: 256 }, () => stalledGet(port, '/__mock/events?min=1&wait_ms=60000')),
      );
      await connections(server, 256);
      for (const s of sockets) s.destroy();
      await sleep(200);
      const res = await fetch(`http://127.0.0.1:${port}/__mock/events?min=1&wait_ms=0`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ timed_out: true, events: [] });
    } finally {
      await stop(server);
    }
  }, 30_000);

  // A page was 200 entries whatever their size: 250 events of 1 MB made one reader cost ~1 GB.
  test('a page of /__mock/events and /__mock/requests is bounded in bytes as well as entries', async () => {
    const app = makeApp();
    record(app, 30, () => bigEvent(300 * 1024));
    for (let i = 0; i < 60; i++)
      app.mock.journal.logRequest({
        received_at: new Date().toISOString(),
        request_id: `q${i}`,
        method: 'POST',
        path: '/events',
        status: 400,
        reason: 'VALIDATION',
        delivered: true,
        rawHeaders: ['x-big', 'y'.repeat(60 * 1024)],
        response: { status: 400, headers: {}, body: {} },
        duration_ms: 1,
      });
    const write = jest.spyOn(http.ServerResponse.prototype, 'write');
    try {
      const events = await request(app).get('/__mock/events');
      expect(events.body.events).toHaveLength(30);
      const requests = await request(app).get('/__mock/requests');
      expect(requests.body.requests).toHaveLength(60);
      const largest = Math.max(...write.mock.calls.map(([chunk]) => Buffer.byteLength(chunk as string)));
      // A page: at most 1 MB (streamJson's PAGE_BYTES) past its first entry.
      expect(largest).toBeLessThanOrEqual(1024 * 1024 + 400 * 1024);
    } finally {
      write.mockRestore();
    }
  });

  // Five readers that sent the GET and never read held 1.8 GB, and were never timed out.
  test('a stalled reader is cut off after --request-timeout, most of the answer unsent', async () => {
    const app = makeApp({ requestTimeout: 500 });
    record(app, 60, () => bigEvent(500 * 1024));
    const { server, port } = await serve(app);
    try {
      const socket = await stalledGet(port, '/__mock/events');
      await sleep(1500);
      let got = 0;
      let tail = '';
      const ended = new Promise<void>((r) => socket.once('close', () => r()));
      socket.on(
        'data',
        (d: Buffer) => ((got += d.length), (tail = (tail + d.toString('latin1')).slice(-16))),
      );
      socket.on('error', () => undefined);
      socket.resume();
      await ended;
      // A whole answer ends with the JSON's `]}` and the chunked body's last chunk.
      expect(tail).not.toMatch(/\]\}\r\n0\r\n\r\n$/);
      expect(got).toBeLessThan(20 * 1024 * 1024);
    } finally {
      await stop(server);
    }
  }, 30_000);

  // soak:memory on a loaded machine: a reader of a large journal that was still reading, only
  // slowly, was cut off as stalled (the wait was for a whole page to drain within the timeout).
  //
  // The mock sees a reader's progress only as the kernel takes more of the socket's bytes, and
  // Linux hands a full socket more in steps (up to about a third of its send buffer, ~1.4 MB with
  // the default tcp_wmem). The margins: each page is one 6 MB entry, which takes this reader about
  // 3 s to drain (longer than the 2 s timeout, so the old rule cuts it off), while each 2 s window
  // sees ~4 MB read, several steps (a 400 ms timeout and 1 MB pages once saw a window with none).
  test('a reader that is slow but still reading is not cut off', async () => {
    const app = makeApp({ requestTimeout: 2000 });
    record(app, 6, () => bigEvent(6 * 1024 * 1024));
    const { server, port } = await serve(app);
    try {
      const socket = await stalledGet(port, '/__mock/events');
      let got = 0;
      let tail = '';
      let done = false;
      const ended = new Promise<void>((r) => socket.once('close', () => r()));
      socket.once('end', () => (done = true));
      socket.on('error', () => undefined);
      // At most 64 KB every 25 ms (~2 MB/s at most).
      const slowly = setInterval(() => {
        const chunk = socket.read(Math.min(64 * 1024, socket.readableLength)) as Buffer | null;
        if (chunk === null) return;
        got += chunk.length;
        tail = (tail + chunk.toString('latin1')).slice(-16);
      }, 25);
      // The whole answer arrives; the connection then closes at the keep-alive timeout.
      await ended.finally(() => clearInterval(slowly));
      for (let chunk; (chunk = socket.read() as Buffer | null) !== null;) {
        got += chunk.length;
        tail = (tail + chunk.toString('latin1')).slice(-16);
      }
      expect({ done, tail }).toEqual({ done: true, tail: expect.stringMatching(/\]\}\r\n0\r\n\r\n$/) });
      expect(got).toBeGreaterThan(6 * 6 * 1024 * 1024);
    } finally {
      await stop(server);
    }
  }, 90_000);

  // One slow reader of 5,000 events raised MaxListenersExceededWarning: each drain left a listener.
  test('streaming adds no listener per drain', async () => {
    const app = makeApp();
    record(app, 5000);
    // Counted on the response as it ends (Jest's sandbox does not see the process's warnings).
    const counts: number[] = [];
    const original = http.ServerResponse.prototype.end;
    const end = jest.spyOn(http.ServerResponse.prototype, 'end').mockImplementation(function (
      this: http.ServerResponse,
      ...args: unknown[]
    ) {
      counts.push(this.listenerCount('close') + this.listenerCount('drain'));
      return (original as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    });
    try {
      const res = await request(app).get('/__mock/events?limit=5000');
      expect(res.body.events).toHaveLength(5000);
    } finally {
      end.mockRestore();
    }
    expect(Math.max(...counts)).toBeLessThan(10);
  });

  // `user_id: 9007199254740993` was acknowledged and read back as …992 (parsed, re-serialised).
  test('recorded events are served, over HTTP and in the journal file, as the bytes received', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tga-bytes-'));
    const journalFile = join(dir, 'journal.jsonl');
    const app = makeApp({ journalFile });
    try {
      const body = GOOD_JSON.replace(/"user_id":\d+/, '"user_id":9007199254740993').replace(
        '"locale":"en"',
        '"locale" :  "en"',
      );
      const posted = await request(app)
        .post('/events')
        .set('TGA-Auth-Token', token('docs'))
        .set('Content-Type', 'application/json')
        .send(body);
      expect(posted.status).toBe(201);
      const event = body.slice(1, -1);
      const text = (
        await request(app)
          .get('/__mock/events')
          .buffer(true)
          .parse((res, cb) => {
            let s = '';
            res.on('data', (c: Buffer) => (s += c.toString()));
            res.on('end', () => cb(null, s));
          })
      ).body as string;
      expect(text).toContain(`"event":${event}}`);
      await app.mock.journal.close();
      expect(readFileSync(journalFile, 'utf8')).toContain(`"event":${event}}\n`);
      // In process the event is a parsed object: JS numbers cannot hold it (the docs say so).
      expect(app.mock.journal.query().events[0].event.user_id).toBe(9007199254740992);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // --journal-file-required on a pipe nobody read stopped the whole mock, health included.
  test('a journal file on a pipe nobody reads: 500 at once, and everything else still answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tga-fifo-'));
    const fifo = join(dir, 'journal.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const mock = await startMock({ journalFile: fifo, journalFileRequired: true, secret: 'fifo-secret' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${mock.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'tga-auth-token': mock.token('docs') },
          body: `[${bigEvent(100 * 1024)}]`,
          signal: AbortSignal.timeout(5000),
        });
        statuses.push(res.status);
        if (res.status === 500) expect(res.headers.get('tga-mock-reason')).toBe('JOURNAL_WRITE_FAILED');
        await res.arrayBuffer();
      }
      expect(statuses).toContain(500);
      expect(statuses.slice(statuses.indexOf(500)).every((s) => s === 500)).toBe(true);
      const health = await fetch(`${mock.url}/__mock/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      expect(mock.events()).toHaveLength(statuses.filter((s) => s === 201).length);
    } finally {
      await mock.close();
      closeSync(reader);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
