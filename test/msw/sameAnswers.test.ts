// One table of requests, sent twice: over HTTP to `startMock()` and in process to `createMswMock()`'s
// handlers under msw's setupServer (the official SDK's hard-coded https://tganalytics.xyz). Both
// must give the same status, body, diagnostic headers and journal: the MSW handlers are the mock's
// own core, not a second implementation. The table runs once per answer mode (--answers docs, live).
import net from 'node:net';
import zlib from 'node:zlib';
import { setupServer } from 'msw/node';
import { createMswMock, type MswMock } from '../../mock-server/msw';
import { startMock, type RunningMock } from '../../mock-server/startMock';

const SECRET = 'same-answers-secret';
const OPTIONS = { secret: SECRET, bodyLimit: 64 * 1024 };

const event = (over: Record<string, unknown> = {}) => ({
  event_name: 'app-init',
  session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
  user_id: 5123456789,
  app_name: 'docs',
  is_premium: true,
  platform: 'tdesktop',
  locale: 'en',
  client_timestamp: '1743503599534',
  ...over,
});
const BATCH = JSON.stringify([event(), event({ event_name: 'app-hide' })]);
const FINGERPRINT = JSON.stringify({ app_name: 'docs', wallet_address: '0:8a5a2f3c', request_id: 'r-1' });

interface Case {
  name: string;
  method?: 'POST' | 'OPTIONS' | 'GET';
  path?: string;
  token?: 'good' | 'none' | 'forged' | 'other-app';
  headers?: Record<string, string>;
  body?: string | Buffer;
  fault?: Record<string, unknown>;
}

const gz = (s: string) => zlib.gzipSync(s);
const CASES: Case[] = [
  { name: 'a valid batch', body: BATCH },
  {
    name: 'the SDK shape: gzip and Origin',
    body: gz(BATCH),
    headers: { 'Content-Encoding': 'gzip', Origin: 'http://localhost:5173' },
  },
  { name: 'deflate', body: zlib.deflateSync(BATCH), headers: { 'Content-Encoding': 'deflate' } },
  { name: 'br', body: zlib.brotliCompressSync(BATCH), headers: { 'Content-Encoding': 'br' } },
  { name: 'one event, not an array', body: JSON.stringify(event()) },
  { name: 'no token', token: 'none', body: BATCH },
  { name: 'a forged token', token: 'forged', body: BATCH },
  { name: 'another domain', body: BATCH, headers: { Origin: 'https://evil.example' } },
  { name: 'an invalid event', body: JSON.stringify([event({ session_id: 'nope' })]) },
  {
    name: 'the third event of another app',
    body: JSON.stringify([event(), event(), event({ app_name: 'shop' })]),
  },
  { name: 'over the body limit', body: JSON.stringify([event({ platform: 'x'.repeat(70 * 1024) })]) },
  {
    name: 'a gzip bomb',
    body: gz(JSON.stringify([event({ platform: ' '.repeat(2_000_000) })])),
    headers: { 'Content-Encoding': 'gzip' },
  },
  { name: 'an unknown encoding', body: BATCH, headers: { 'Content-Encoding': 'zstd' } },
  {
    name: 'four stacked encodings',
    body: gz(BATCH),
    headers: { 'Content-Encoding': 'identity, gzip, gzip, gzip, gzip' },
  },
  { name: 'not JSON', body: '{"event_name":' },
  { name: 'text/plain', body: BATCH, headers: { 'Content-Type': 'text/plain' } },
  { name: 'nested too deep', body: `[${'['.repeat(100)}${']'.repeat(100)}]` },
  { name: 'a record-failure fault', body: BATCH, fault: { kind: 'record-failure' } },
  { name: 'a rate-limit fault', body: BATCH, fault: { kind: 'rate-limit' } },
  {
    name: 'a fault for another app does not fire',
    body: BATCH,
    fault: { kind: 'record-failure', app_name: 'shop' },
  },
  { name: 'a fingerprint (POST /events/fingerprint)', path: '/events/fingerprint', body: FINGERPRINT },
  {
    name: 'a fingerprint without its wallet',
    path: '/events/fingerprint',
    body: '{"app_name":"docs","request_id":"r"}',
  },
  {
    name: 'a fingerprint for another app',
    path: '/events/fingerprint',
    body: FINGERPRINT.replace('"docs"', '"shop"'),
  },
  { name: 'a fingerprint without a token', path: '/events/fingerprint', token: 'none', body: FINGERPRINT },
  {
    name: 'the fingerprint preflight',
    method: 'OPTIONS',
    path: '/events/fingerprint',
    headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
  },
  {
    name: 'the CORS preflight',
    method: 'OPTIONS',
    headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
  },
  {
    name: 'GET /events/threshold',
    method: 'GET',
    path: '/events/threshold',
    headers: { Origin: 'https://app.example' },
  },
  {
    name: 'GET /events: 405 with Allow',
    method: 'GET',
    path: '/events',
    headers: { Origin: 'https://app.example' },
  },
];

const COMPARED_HEADERS = [
  'content-type',
  'tga-mock-reason',
  'tga-mock-detail',
  'tga-mock-violations',
  'retry-after',
  'access-control-allow-origin',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'allow',
];

/** What the table compares of a request log entry (its ids and times differ by nature). */
interface LogLine {
  status: number;
  reason: string;
  delivered: boolean;
  app_name?: string;
  body?: unknown;
  body_bytes?: number;
  body_note?: string;
}
const logLine = (r: LogLine): LogLine => ({
  status: r.status,
  reason: r.reason,
  delivered: r.delivered,
  app_name: r.app_name,
  body: r.body,
  body_bytes: r.body_bytes,
  body_note: r.body_note,
});

interface Target {
  base: string;
  token(app?: string): string;
  fault(spec: Record<string, unknown>): unknown;
  events(): unknown[];
  requests(): LogLine[];
  reset(): void;
}

async function send(target: Target, c: Case) {
  target.reset();
  if (c.fault) target.fault(c.fault);
  const token =
    c.token === 'none'
      ? undefined
      : c.token === 'forged'
        ? target.token().replace(/.!/, (m) => (m[0] === 'A' ? 'B' : 'A') + '!')
        : target.token();
  const method = c.method ?? 'POST';
  const res = await fetch(target.base + (c.path ?? '/events'), {
    method,
    headers: {
      ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
      ...(token && method === 'POST' ? { 'TGA-Auth-Token': token } : {}),
      ...c.headers,
    },
    body:
      method === 'POST'
        ? typeof c.body === 'string'
          ? c.body
          : c.body && new Uint8Array(c.body)
        : undefined,
  });
  const text = await res.text();
  const headers = Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers.get(h)]));
  return {
    status: res.status,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    headers,
    requestId: res.headers.get('tga-mock-request-id') !== null,
    events: target.events(),
    log: target.requests().map(logLine),
  };
}

const MODES = ['docs', 'live'] as const;
type Mode = (typeof MODES)[number];
const mocks = {} as Record<Mode, { http: RunningMock; msw: MswMock }>;
const server = setupServer();
beforeAll(async () => {
  for (const answers of MODES)
    mocks[answers] = {
      http: await startMock({ ...OPTIONS, answers }),
      msw: createMswMock({ ...OPTIONS, answers }),
    };
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  for (const answers of MODES) await mocks[answers].http.close();
});

/** The in-process mock of one mode answers the SDK's backends (one set of handlers at a time). */
function handlersOf(answers: Mode): MswMock {
  server.resetHandlers(...mocks[answers].msw.handlers);
  return mocks[answers].msw;
}

async function httpRequests(http: RunningMock): Promise<LogLine[]> {
  return ((await (await fetch(`${http.url}/__mock/requests`)).json()) as { requests: LogLine[] }).requests;
}

const strip = (events: unknown[]) =>
  (events as { received_at: string; request_id: string }[]).map(
    ({ received_at: _t, request_id: _r, ...rest }) => rest,
  );

describe.each(MODES)('--answers %s', (answers) => {
  test.each(CASES.map((c) => [c.name, c]))(
    '%s: the same answer and journal over HTTP and in process',
    async (_name, c) => {
      const { http } = mocks[answers];
      const msw = handlersOf(answers);
      const overHttp = await send(
        {
          base: http.url,
          token: (app) => http.token(app),
          fault: (s) => http.fault(s as never),
          events: () => http.events(),
          requests: () => [],
          reset: () => http.reset(),
        },
        c,
      );
      const httpLog = await httpRequests(http);
      const inProcess = await send(
        {
          base: 'https://tganalytics.xyz',
          token: (app) => msw.token(app),
          fault: (s) => msw.fault(s as never),
          events: () => msw.events(),
          requests: () => msw.requests(),
          reset: () => msw.reset(),
        },
        c,
      );
      expect(inProcess.status).toBe(overHttp.status);
      expect(inProcess.body).toEqual(overHttp.body);
      expect(inProcess.headers).toEqual(overHttp.headers);
      expect(inProcess.requestId).toBe(overHttp.requestId);
      expect(strip(inProcess.events)).toEqual(strip(overHttp.events));
      expect(inProcess.log).toEqual(httpLog.map(logLine));
    },
  );
});

test('the staging backend is answered too, and other hosts are left alone', async () => {
  const { http } = mocks.docs;
  const msw = handlersOf('docs');
  msw.reset();
  const res = await fetch('https://staging.tganalytics.xyz/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': msw.token() },
    body: BATCH,
  });
  expect(res.status).toBe(201);
  expect(msw.events().map((e) => e.event.event_name)).toEqual(['app-init', 'app-hide']);
  // Not one of the SDK's backends: msw passes it on (here to the HTTP mock, which answers itself).
  expect((await fetch(`${http.url}/__mock/health`)).status).toBe(200);
});

test('waitForEvents waits for a batch that arrives later, and says what came when it times out', async () => {
  const msw = handlersOf('docs');
  msw.reset();
  const waiting = msw.waitForEvents({ event_name: 'app-hide' }, { timeoutMs: 5000 });
  setTimeout(() => {
    void fetch('https://tganalytics.xyz/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': msw.token() },
      body: BATCH,
    });
  }, 100);
  expect((await waiting).map((e) => e.event.event_name)).toEqual(['app-hide']);
  await expect(msw.waitForEvents({ event_name: 'purchase' }, { timeoutMs: 50 })).rejects.toThrow(
    /got 0; what did arrive: app-init \(app docs\), app-hide \(app docs\)/,
  );
});

describe('the edges, over HTTP and in process', () => {
  let http: RunningMock;
  let msw: MswMock;
  beforeEach(() => {
    http = mocks.docs.http;
    msw = handlersOf('docs');
  });
  const post = (base: string, token: string, init: RequestInit = {}) =>
    fetch(`${base}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': token },
      body: BATCH,
      ...init,
    });

  /** Resolves once the HTTP mock's armed faults have all fired (the request is being answered). */
  async function httpFaultsFired(): Promise<void> {
    for (;;) {
      const { faults } = (await (await fetch(`${http.url}/__mock/faults`)).json()) as { faults: unknown[] };
      if (faults.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  /** Resolves once msw has started on a request to the SDK's backend, and a little more. */
  const mswStarted = () =>
    new Promise<void>((resolve) => {
      const started = ({ request }: { request: Request }) => {
        if (!request.url.startsWith('https://tganalytics.xyz/')) return;
        server.events.removeListener('request:start', started);
        setTimeout(resolve, 100);
      };
      server.events.on('request:start', started);
    });

  test('a client that aborts during a latency fault: nothing recorded, logged delivered: false', async () => {
    const outcomes = [];
    for (const t of [
      { base: http.url, target: http, log: () => httpRequests(http), answering: httpFaultsFired },
      {
        base: 'https://tganalytics.xyz',
        target: msw,
        log: async () => msw.requests() as LogLine[],
        answering: mswStarted,
      },
    ]) {
      t.target.reset();
      t.target.fault({ kind: 'latency', ms: 1000 });
      const abort = new AbortController();
      // Abort once the fault has fired: the request is in, its answer waits.
      const answering = t.answering();
      const sent = post(t.base, t.target.token(), { signal: abort.signal }).then(
        (res) => res.status,
        (e: Error) => e.name,
      );
      await answering;
      abort.abort();
      const outcome = await sent;
      await new Promise((resolve) => setTimeout(resolve, 1200)); // past the fault's delay
      outcomes.push({
        outcome,
        events: t.target.events().length,
        log: (await t.log()).map((r) => [r.status, r.reason, r.delivered]),
      });
    }
    expect(outcomes[0]).toEqual({ outcome: 'AbortError', events: 0, log: [[201, 'RECORDED', false]] });
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  test('a body that cannot be read: the JSON 400 MALFORMED_REQUEST HTTP gives broken framing, never a 500', async () => {
    // Over HTTP: a chunked body whose framing breaks after its first chunk.
    http.reset();
    const { port } = new URL(http.url);
    const rawAnswer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.write(
          `POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `TGA-Auth-Token: ${http.token()}\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[{\r\nzz\r\n`,
        ),
      );
      let out = '';
      socket.on('data', (d) => (out += d.toString()));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
    const overHttp = {
      status: Number(rawAnswer.slice(9, 12)),
      reason: /\r\ntga-mock-reason: ([^\r]*)/i.exec(rawAnswer)?.[1],
      body: JSON.parse(rawAnswer.slice(rawAnswer.indexOf('\r\n\r\n') + 4)) as unknown,
      events: http.events().length,
      log: (await httpRequests(http)).length,
    };
    // In process: a body stream that errors after its first chunk.
    msw.reset();
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('[{'));
        else controller.error(new Error('the body stream broke'));
      },
    });
    const res = await post('https://tganalytics.xyz', msw.token(), { body, duplex: 'half' } as RequestInit);
    const text = await res.text();
    const inProcess = {
      status: res.status,
      reason: res.headers.get('tga-mock-reason') ?? undefined,
      body: JSON.parse(text) as unknown,
      events: msw.events().length,
      log: msw.requests().length,
    };
    expect(overHttp).toEqual({
      status: 400,
      reason: 'MALFORMED_REQUEST',
      body: { message: 'Malformed request.' },
      events: 0,
      log: 0,
    });
    expect(inProcess).toEqual(overHttp);
    expect(text).not.toMatch(/stack|at /);
  });
});
