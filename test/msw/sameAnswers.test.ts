// One table of requests, sent twice: over HTTP to `startMock()` and in process to `createMswMock()`'s
// handlers under msw's setupServer (the official SDK's hard-coded https://tganalytics.xyz). Both
// must give the same status, body, diagnostic headers and journal: the MSW handlers are the mock's
// own core, not a second implementation. The table runs once per answer mode (--answers docs, live).
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
];

interface Target {
  base: string;
  token(app?: string): string;
  fault(spec: Record<string, unknown>): unknown;
  events(): unknown[];
  requests(): { status: number; reason: string; app_name?: string; body?: unknown }[];
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
    log: target
      .requests()
      .map((r) => ({ status: r.status, reason: r.reason, app_name: r.app_name, body: r.body })),
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
      const httpLog = (await (await fetch(`${http.url}/__mock/requests`)).json()) as {
        requests: { status: number; reason: string; app_name?: string; body?: unknown }[];
      };
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
      expect(inProcess.log).toEqual(
        httpLog.requests.map((r) => ({
          status: r.status,
          reason: r.reason,
          app_name: r.app_name,
          body: r.body,
        })),
      );
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
