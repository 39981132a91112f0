// "GET /__mock/events answers 500 with large events" (issue 14): the answer was built as one string,
// and past V8's longest string (about 512 MB) that throws "Invalid string length". It is now written
// a page at a time. This journal holds 560 events of 1 MB each (560 MB of JSON, over V8's limit):
// the whole answer must arrive, well-formed, over a real socket.
import http from 'node:http';
import type { TgaEvent } from '../../schema';
import { createApp } from '../../mock-server/http/app';
import { listen, shutdown } from '../../mock-server/http/server';

jest.setTimeout(120_000);

test('a journal larger than the longest possible string is streamed whole', async () => {
  const COUNT = 560;
  const app = createApp({
    port: 0,
    logLevel: 'silent',
    journalMaxBytes: 1024 * 1024 * 1024,
    journalCap: 100_000,
  });
  const event = {
    event_name: 'custom-event',
    session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
    user_id: 1,
    app_name: 'docs',
    custom_data: { pad: 'x'.repeat(1024 * 1024) },
  } as unknown as TgaEvent;
  const raw = Buffer.from(JSON.stringify([event]));
  for (let i = 0; i < COUNT; i++) {
    const recorded = app.mock.journal.record({ requestId: `r${i}`, appName: 'docs', events: [event], raw });
    expect(recorded.ok).toBe(true);
  }
  const { server, url } = await listen(app, 0, '127.0.0.1');
  try {
    const result = await new Promise<{ status: number; bytes: number; head: string; tail: string }>(
      (resolve, reject) => {
        http
          .get(`${url}/__mock/events?limit=100000`, (res) => {
            let bytes = 0;
            let head = '';
            let tail = '';
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
              if (head.length < 64) head += chunk.toString('latin1', 0, 64);
              tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 64))).slice(-64);
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, head, tail }));
            res.on('error', reject);
          })
          .on('error', reject);
      },
    );
    expect(result.status).toBe(200);
    expect(result.head.startsWith(`{"total":${COUNT},"dropped":0,"events":[{"seq":1,`)).toBe(true);
    expect(result.tail.endsWith('}}]}')).toBe(true);
    expect(result.bytes).toBeGreaterThan(COUNT * 1024 * 1024);
  } finally {
    await shutdown(app, server);
  }
});
