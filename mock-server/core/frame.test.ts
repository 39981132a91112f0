import pino from 'pino';
import { GOOD_JSON, SECRET, token } from '../test-support/fixtures';
import { MEMORY, rawHeadersOf, type MemoryRequest } from '../test-support/memoryTransport';
import { tooLarge } from './body';
import { ALLOWED_HEADERS, EXPOSED_HEADERS } from './cors';
import { createFrame, type SdkAnswer } from './frame';
import { createRuntime } from './runtime';
import { EVENTS_ROUTE, SDK_ROUTES, type SdkRoute } from './sdkRoutes';

const lines: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const rt = createRuntime({ secret: SECRET, bodyLimit: 1024 }, { logger });
const frame = createFrame(rt, MEMORY);
const route = (serves: SdkRoute['serves']) => SDK_ROUTES.find((r) => r.serves === serves)!;

const names = (a: SdkAnswer<unknown>) => a.headers.filter((_, i) => i % 2 === 0);
const headers = (a: SdkAnswer<unknown>) =>
  Object.fromEntries(names(a).map((n, i) => [n, a.headers[2 * i + 1]]));

function post(over: Partial<MemoryRequest> = {}, url = '/events', r = EVENTS_ROUTE) {
  const req: MemoryRequest = {
    headers: { 'tga-auth-token': token(), 'content-type': 'application/json', origin: 'http://localhost' },
    body: GOOD_JSON,
    ...over,
  };
  return frame.answer(r, req, 'POST', url, rawHeadersOf(req));
}

beforeEach(() => {
  rt.reset();
  lines.length = 0;
});

describe('the frame finishes every answer', () => {
  test('a recorded batch: 201 with CORS, request id, reason, content type and length, in one list', async () => {
    const a = (await post({}, '/events?x=1'))!;
    expect(a.status).toBe(201);
    expect(names(a)).toEqual([
      'Access-Control-Allow-Origin',
      'Vary',
      'Access-Control-Expose-Headers',
      'TGA-Mock-Request-Id',
      'TGA-Mock-Reason',
      'Content-Type',
      'Content-Length',
    ]);
    expect(headers(a)).toMatchObject({
      'Access-Control-Allow-Origin': 'http://localhost',
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
      'TGA-Mock-Request-Id': a.requestId,
      'TGA-Mock-Reason': 'RECORDED',
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(a.text!)),
    });
    expect([a.path, a.reason, a.appName, a.drop, a.cutOff, a.delayMs]).toEqual([
      '/events',
      'RECORDED',
      'docs',
      false,
      false,
      undefined,
    ]);
  });

  test('a refusal carries its detail and violations; a refused token leaves the body unread', async () => {
    const bad = (await post({ body: '[{"event_name":"app-init"}]' }))!;
    expect(bad.status).toBe(400);
    expect(Object.keys(headers(bad))).toEqual(
      expect.arrayContaining(['TGA-Mock-Detail', 'TGA-Mock-Violations']),
    );
    const decoded: boolean[] = [];
    const spy = {
      ...MEMORY,
      readBody: (s: MemoryRequest, l: number, d: boolean) => (decoded.push(d), MEMORY.readBody(s, l, d)),
    };
    const refused = await createFrame(rt, spy).answer(EVENTS_ROUTE, { headers: {} }, 'POST', '/events', []);
    expect([refused!.status, headers(refused!)['TGA-Mock-Reason'], decoded]).toEqual([
      400,
      'TOKEN_MISSING_OR_MALFORMED',
      [false],
    ]);
  });

  test('a cut-off upload says Connection: close and asks the shell to linger', async () => {
    const a = (await post({ read: () => tooLarge(1024, false) }))!;
    expect([a.status, a.cutOff, headers(a).Connection]).toEqual([413, true, 'close']);
  });

  test('faults: latency asks the shell to wait, reset to drop the connection', async () => {
    rt.faults.arm({ kind: 'latency', ms: 30 });
    expect((await post())!.delayMs).toBe(30);
    rt.faults.arm({ kind: 'reset' });
    const dropped = (await post())!;
    expect([dropped.drop, dropped.reason]).toEqual([true, 'RESET']);
  });

  test('the preflight: 204, no body, the preflight headers and a request id', async () => {
    const a = (await frame.answer(route('preflight'), { headers: {} }, 'OPTIONS', '/events', []))!;
    expect([a.status, a.text]).toEqual([204, undefined]);
    expect(headers(a)).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'TGA-Mock-Request-Id': a.requestId,
    });
    expect(names(a)).not.toContain('Content-Type');
  });

  test('the threshold: 200 with the configured caps as JSON', async () => {
    const a = (await frame.answer(route('threshold'), { headers: {} }, 'GET', '/events/threshold', []))!;
    expect([a.status, JSON.parse(a.text!)]).toEqual([200, rt.options.threshold]);
    expect(headers(a)).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'TGA-Mock-Request-Id': a.requestId,
    });
  });

  test('a client gone mid-upload gets nothing; an unexpected error is a 500 with the same frame', async () => {
    expect(await post({ read: () => 'aborted' })).toBeUndefined();
    const a = (await post({
      read: () => {
        throw new Error('boom');
      },
    }))!;
    expect([a.status, headers(a)['TGA-Mock-Reason'], headers(a)['Access-Control-Allow-Origin']]).toEqual([
      500,
      'INTERNAL_ERROR',
      'http://localhost',
    ]);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'unexpected error', request_id: a.requestId });
  });

  test('a body that could not be read is the 400 MALFORMED_REQUEST HTTP gives broken framing, not logged as a batch', async () => {
    const a = (await post({ read: () => 'unreadable' }))!;
    expect([a.status, JSON.parse(a.text!), a.reason]).toEqual([
      400,
      { message: 'Malformed request.' },
      'MALFORMED_REQUEST',
    ]);
    expect(headers(a)).toMatchObject({
      'TGA-Mock-Reason': 'MALFORMED_REQUEST',
      'Access-Control-Allow-Origin': 'http://localhost',
      'TGA-Mock-Request-Id': a.requestId,
      'Content-Type': 'application/json; charset=utf-8',
    });
    frame.settle(a, true);
    expect(rt.journal.requests()).toEqual([]);
    expect(lines.filter((l) => l.level === 50)).toEqual([]); // not an unexpected error
  });
});

describe('settle', () => {
  test('records a delivered 201 and writes the request line', async () => {
    const a = (await post())!;
    frame.settle(a, true);
    expect(rt.journal.query().total).toBeGreaterThan(0);
    expect(rt.journal.requests()[0]).toMatchObject({ request_id: a.requestId, status: 201, delivered: true });
    expect(lines).toEqual([
      expect.objectContaining({
        request_id: a.requestId,
        method: 'POST',
        path: '/events',
        status: 201,
        reason: 'RECORDED',
        app_name: 'docs',
      }),
    ]);
  });

  test('an answer that did not reach the client, or a dropped one, records nothing', async () => {
    frame.settle((await post())!, false);
    rt.faults.arm({ kind: 'reset' });
    frame.settle((await post())!, true);
    expect(rt.journal.query().total).toBe(0);
    expect(rt.journal.requests().map((r) => [r.status, r.reason, r.delivered])).toEqual([
      [201, 'RECORDED', false],
      [0, 'RESET', false],
    ]);
    expect(lines.map((l) => l.status)).toEqual(['no answer', 'no answer']);
  });

  test('a preflight or threshold answer is logged, not journaled', async () => {
    frame.settle(
      (await frame.answer(route('threshold'), { headers: {} }, 'GET', '/events/threshold', []))!,
      true,
    );
    expect(rt.journal.requests()).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({ method: 'GET', path: '/events/threshold', status: 200 }),
    ]);
  });
});
