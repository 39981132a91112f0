// The inspector feed under hostile use (issue 21): the snapshot's bound counted in bytes, and a
// viewer that stops reading cut off after a bounded time even when too little arrives to fill its
// backlog cap.
import express from 'express';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createJournal, type Journal } from '../core/journal';
import { DEFAULT_OPTIONS } from '../core/options';
import { createInspectorRouter } from './createInspectorRouter';
import type { InspectorOptions } from './createInspectorRouter';
import type { InspectorSource } from './openEventStream';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function logRejected(journal: Journal, body: Buffer): void {
  journal.logRequest({
    received_at: '2026-01-01T00:00:00.000Z',
    request_id: 'r',
    method: 'POST',
    path: '/events',
    status: 400,
    reason: 'VALIDATION',
    delivered: true,
    rawHeaders: [],
    bodyBytes: body,
    response: { status: 400, headers: {}, body: {} },
    duration_ms: 1,
  });
}

async function serve(source: InspectorSource, options: Partial<InspectorOptions> = {}) {
  const app = express();
  const router = createInspectorRouter(source, options);
  app.use(router);
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stop: () =>
      new Promise<void>((r) => {
        router.endStreams();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The stream's bytes up to the end of its first frame (HTTP/1.0: no chunked framing). */
function firstFrame(port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let headEnd = -1;
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(`GET /inspector/stream HTTP/1.0\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    );
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      if (headEnd < 0) headEnd = all.indexOf('\r\n\r\n');
      const end = headEnd < 0 ? -1 : all.indexOf('\n\n', headEnd + 4);
      if (end < 0) return;
      socket.destroy();
      resolve(all.subarray(headEnd + 4, end + 2));
    });
    socket.once('error', reject);
  });
}

describe('inspector feed under hostile use', () => {
  // 500 rejected 16 KB bodies of `€` gave a 2.9 MB first frame: the 1 MB bound counted characters.
  test('the snapshot is bounded in bytes, not characters', async () => {
    const journal = createJournal({ cap: 10, maxBytes: DEFAULT_OPTIONS.journalMaxBytes });
    const euros = Buffer.from('€'.repeat(Math.floor((16 * 1024) / 3)));
    for (let i = 0; i < 500; i++) logRejected(journal, euros);
    const { port, stop } = await serve(journal);
    try {
      const frame = await firstFrame(port);
      expect(frame.toString().startsWith('event: snapshot\n')).toBe(true);
      expect(frame.length).toBeLessThanOrEqual(1024 * 1024 + 4096);
      expect(frame.length).toBeGreaterThan(512 * 1024); // still as many rows as fit
    } finally {
      await stop();
    }
  });

  // A viewer that never read stayed open for ever as long as its backlog stayed under 1 MB.
  test('a viewer that leaves its backlog unread is cut off after stallMs', async () => {
    const journal = createJournal({ cap: 10, maxBytes: DEFAULT_OPTIONS.journalMaxBytes });
    const x = Buffer.from('x'.repeat(16 * 1024));
    for (let i = 0; i < 300; i++) logRejected(journal, x);
    let subscribed = 0;
    const source: InspectorSource = {
      latestRequests: (n, max, size) => journal.latestRequests(n, max, size),
      counts: () => journal.counts(),
      subscribe(listener) {
        subscribed++;
        const off = journal.subscribe(listener);
        return () => (subscribed--, off());
      },
    };
    // Backlog cap far above what arrives: only the stall timer can end this feed.
    const { port, stop } = await serve(source, {
      snapshotMaxBytes: 8 * 1024 * 1024,
      maxBacklogBytes: 64 * 1024 * 1024,
      stallMs: 300,
    });
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET /inspector/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      socket.pause();
    });
    socket.on('error', () => undefined);
    try {
      await sleep(200);
      expect(subscribed).toBe(1);
      for (let i = 0; i < 200; i++) logRejected(journal, x);
      await sleep(1500);
      expect(subscribed).toBe(0);
    } finally {
      socket.destroy();
      await stop();
    }
  });
});
