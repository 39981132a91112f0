// The MSW shell at its edges, where no HTTP twin fits the parity table (sameAnswers.test.ts): a
// huge body is refused before it is all in memory, and the raw header list keeps every name.
import { http as on, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DISCARD_MAX_BYTES } from '../../mock-server/core/body';
import { createMswMock } from '../../mock-server/msw';
import { rawHeaders } from '../../mock-server/msw/transport';

const LIMIT = 1024 * 1024;
const CHUNK = 64 * 1024;
const mock = createMswMock({ secret: 'edges-secret', bodyLimit: LIMIT });
const seen: string[][] = [];
const server = setupServer(
  ...mock.handlers,
  // Not one of the SDK's backends: a probe of what msw hands a handler.
  on.post('https://probe.example/headers', ({ request }) => {
    seen.push(rawHeaders(request.headers));
    return HttpResponse.json({});
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** A `total`-byte body made of one reused chunk of '[' (nothing kept by the stream itself). */
function hugeBody(total: number) {
  const chunk = new Uint8Array(CHUNK).fill(0x5b);
  const counted = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counted.pulled >= total) return controller.close();
      counted.pulled += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, counted };
}

test.each([
  ['a valid token', true, 'PAYLOAD_TOO_LARGE'],
  ['no token (the body is read raw)', false, 'TOKEN_MISSING_OR_MALFORMED'],
])(
  'a 200 MB body with %s is answered before it is all read: memory stays about the bound',
  async (_name, withToken, reason) => {
    mock.reset();
    const { stream, counted } = hugeBody(200 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.arrayBuffers - before.arrayBuffers, now.rss - before.rss);
    }, 5);
    try {
      const res = await fetch('https://tganalytics.xyz/events', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(withToken ? { 'TGA-Auth-Token': mock.token() } : {}),
        },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect([res.status, res.headers.get('tga-mock-reason')]).toEqual([withToken ? 413 : 400, reason]);
      await res.text();
    } finally {
      clearInterval(sampler);
    }
    // Read up to the limit plus the discard bound (as over a socket), then the stream was left.
    expect(counted.pulled).toBeGreaterThan(LIMIT + DISCARD_MAX_BYTES);
    expect(counted.pulled).toBeLessThan(LIMIT + DISCARD_MAX_BYTES + 32 * CHUNK);
    // Generous: the bound is ~17 MB kept at most; reading it whole cost +200 MB and more.
    expect(peak).toBeLessThan(120 * 1024 * 1024);
    expect(mock.events()).toEqual([]);
    expect(mock.requests().map((r) => [r.status, r.body_note])).toEqual([
      [
        withToken ? 413 : 400,
        withToken ? 'over the body limit: not read to its end' : 'over the body limit (token refused first)',
      ],
    ]);
  },
);

test('the raw header list keeps every name as msw gives it, __proto__ and constructor included', async () => {
  seen.length = 0;
  await fetch('https://probe.example/headers', {
    method: 'POST',
    body: '[]',
    headers: [
      ['Content-Type', 'application/json'],
      ['constructor', 'hello'],
      ['__proto__', 'polluted?'],
      ['toString', 'x'],
      ['X-Twice', 'a'],
      ['x-twice', 'b'],
    ],
  });
  const list = seen[0];
  const pairs = Object.fromEntries(
    Array.from({ length: list.length / 2 }, (_, i) => [`${list[2 * i]}=${list[2 * i + 1]}`, true]),
  );
  for (const pair of ['constructor=hello', '__proto__=polluted?', 'tostring=x', 'x-twice=a, b'])
    expect(pairs).toHaveProperty([pair]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // Straight from a Headers object too: a list, never an object keyed by name.
  expect(
    rawHeaders(
      new Headers([
        ['__proto__', 'p'],
        ['constructor', 'c'],
      ]),
    ),
  ).toEqual(['__proto__', 'p', 'constructor', 'c']);
});
