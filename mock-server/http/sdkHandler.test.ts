// The SDK's routes answered on the server's hot path (no router) and through the Express app
// (supertest, in process) are one handler: the same status, body and headers either way, and one
// request id and one request line per request whichever way it came.
import pino from 'pino';
import request from 'supertest';
import { SDK_ROUTES } from '../core/sdkRoutes';
import { GOOD_JSON, makeApp, token } from '../test-support/fixtures';
import { listen, shutdown, type Listening } from './server';

const lines: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const app = makeApp({}, { logger });
let running: Listening;
beforeAll(async () => {
  running = await listen(app, 0, '127.0.0.1');
});
afterAll(() => shutdown(app, running.server));
beforeEach(() => {
  app.mock.reset();
  lines.length = 0;
});

const ORIGIN = 'http://localhost:5173';
const SENT: Record<string, string> = {
  'Content-Type': 'application/json',
  'TGA-Auth-Token': token(),
  Origin: ORIGIN,
};
const bodyFor = (path: string) =>
  path === '/events/fingerprint'
    ? JSON.stringify({ app_name: 'docs', wallet_address: '0:8a5a2f3c', request_id: 'r-1' })
    : GOOD_JSON;
// What differs between two answers by nature (or is Node's framing, not the mock's).
const VARYING = ['date', 'connection', 'keep-alive', 'tga-mock-request-id'];
const mine = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => !VARYING.includes(k)));

test.each(SDK_ROUTES.map((r) => [`${r.method} ${r.path}`, r]))(
  '%s: the hot path and the router give the same answer',
  async (_name, route) => {
    const body = route.method === 'POST' ? bodyFor(route.path) : undefined;
    const hot = await fetch(running.url + route.path, { method: route.method, headers: SENT, body });
    const hotText = await hot.text();
    const hotHeaders = Object.fromEntries(hot.headers.entries());
    app.mock.reset();
    let routed = request(app)[route.method === 'POST' ? 'post' : route.method === 'GET' ? 'get' : 'options'](
      route.path,
    );
    for (const [k, v] of Object.entries(SENT)) routed = routed.set(k, v);
    const res = await (body === undefined ? routed : routed.send(body));
    expect(hot.status).toBe(res.status);
    expect(hotText).toBe(res.text ?? '');
    expect(mine(hotHeaders)).toEqual(mine(res.headers as Record<string, string>));
    expect(hotHeaders['tga-mock-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['tga-mock-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  },
);

test('a path the router matches loosely (case, trailing slash) reaches the same handler: one id, one line', async () => {
  const res = await request(app).post('/Events/').set(SENT).send(GOOD_JSON);
  expect(res.status).toBe(201);
  expect(lines).toEqual([
    expect.objectContaining({
      request_id: res.headers['tga-mock-request-id'],
      path: '/Events/',
      status: 201,
    }),
  ]);
  expect(app.mock.journal.query().events[0].request_id).toBe(res.headers['tga-mock-request-id']);
});

test('HEAD /events/threshold: the threshold headers, no body', async () => {
  const res = await fetch(`${running.url}/events/threshold`, { method: 'HEAD' });
  expect(res.status).toBe(200);
  expect(Number(res.headers.get('content-length'))).toBe(JSON.stringify(app.mock.options.threshold).length);
  expect(await res.text()).toBe('');
});

test('another method on an SDK path: a 405 with Allow the page can read, with its own id and line', async () => {
  const res = await fetch(`${running.url}/events`, { method: 'GET', headers: { Origin: ORIGIN } });
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST, OPTIONS');
  expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  const id = res.headers.get('tga-mock-request-id');
  await res.text();
  expect(lines).toEqual([expect.objectContaining({ request_id: id, method: 'GET', status: 405 })]);
});
