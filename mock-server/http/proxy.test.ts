// --upstream: the mock as a validating proxy in front of a local upstream (a tiny server on
// 127.0.0.1 that answers what each test tells it to). Nothing leaves the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import request from 'supertest';
import { documentedResponse, observation } from '../../schema';
import { startMock, type RunningMock } from '../startMock';
import { GOOD_BODY, GOOD_JSON } from '../test-support/fixtures';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Never answer (for the timeout). */
  hang?: boolean;
}

let upstream: http.Server;
let upstreamUrl: string;
let seen: Seen[] = [];
let reply: (s: Seen) => Reply = () => ({
  status: 201,
  body: JSON.stringify(documentedResponse('RECORDED').body),
});
const hanging = new Set<http.ServerResponse>();

let mock: RunningMock;
beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(s);
      const r = reply(s);
      if (r.hang) return void hanging.add(res);
      res.writeHead(r.status, { 'Content-Type': 'application/json', ...r.headers });
      res.end(r.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  mock = await startMock({ upstream: `${upstreamUrl}/api/`, upstreamTimeout: 300 });
});
afterAll(async () => {
  await mock.close();
  for (const res of hanging) res.destroy();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});
beforeEach(() => {
  seen = [];
  mock.reset();
  reply = () => ({ status: 201, body: JSON.stringify(documentedResponse('RECORDED').body) });
});

const post = (body: string, headers: Record<string, string> = {}, path = '/events') =>
  request(mock.url)
    .post(path)
    .set('Content-Type', 'application/json')
    .set('TGA-Auth-Token', mock.token())
    .set('Origin', 'http://localhost')
    .set(headers)
    .send(body);

test('forwards POST /events unchanged (gzip bytes, token, Origin) under the base path, and returns the answer unchanged', async () => {
  const gz = zlib.gzipSync(GOOD_JSON);
  reply = () => ({
    status: 201,
    headers: { 'X-Upstream': 'yes', 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify(documentedResponse('RECORDED').body),
  });
  // fetch, not supertest: supertest would serialise a Buffer with a JSON content type as JSON.
  const res = await fetch(`${mock.url}/events`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      'TGA-Auth-Token': mock.token(),
      Origin: 'http://localhost',
    },
    body: new Uint8Array(gz),
  });
  expect([res.status, await res.text()]).toEqual([201, JSON.stringify(documentedResponse('RECORDED').body)]);
  expect(res.headers.get('x-upstream')).toBe('yes');
  expect(res.headers.get('tga-mock-request-id')).not.toBeNull();
  expect(res.headers.get('tga-mock-upstream-deviation')).toBeNull();
  expect(res.headers.get('tga-mock-violations')).toBeNull();
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/events' });
  expect(seen[0].body.equals(gz)).toBe(true);
  expect(seen[0].headers).toMatchObject({
    'tga-auth-token': mock.token(),
    origin: 'http://localhost',
    'content-encoding': 'gzip',
    host: new URL(upstreamUrl).host,
  });
});

test("the request log holds the upstream's answer; what it acknowledged is journaled", async () => {
  reply = () => ({ status: 202, headers: { 'X-Upstream': 'yes' }, body: '{"message": "Success record."}' });
  await post(GOOD_JSON);
  const [entry] = mock.requests();
  expect(entry.upstream).toEqual({
    status: 202,
    headers: expect.objectContaining({ 'x-upstream': 'yes', 'content-type': 'application/json' }),
    body: observation('SUCCESS_202').observed.body,
  });
  expect(entry).toMatchObject({
    status: 202,
    reason: 'RECORDED',
    delivered: true,
    response: { status: 202 },
  });
  expect(mock.events().map((e) => e.event)).toEqual(GOOD_BODY);
});

test('an answer that is neither documented nor observed gets TGA-Mock-Upstream-Deviation saying how', async () => {
  reply = () => ({
    status: 202,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: '{"message": "Success record"}',
  });
  const res = await post(GOOD_JSON);
  expect([res.status, res.text]).toEqual([202, '{"message": "Success record"}']);
  expect(res.headers['tga-mock-upstream-deviation']).toMatch(
    /^202 \{"message": "Success record"\} is neither a documented nor an observed answer \(known 202 answers: \{"message":"Success record\."\} \(observed SUCCESS_202\)\)$/,
  );
  expect(mock.requests()[0].reason).toBe('UPSTREAM_DEVIATION');
});

test('the observed validation report is no deviation; the request is still checked against the schema', async () => {
  reply = () => ({ status: 400, body: JSON.stringify(observation('VALIDATION_REPORT').observed.body) });
  const { app_name: _gone, ...rest } = GOOD_BODY[0];
  const res = await post(JSON.stringify([rest]));
  expect(res.status).toBe(400);
  expect(res.headers['tga-mock-upstream-deviation']).toMatch(/no Access-Control-Allow-Origin/);
  expect(res.headers['tga-mock-upstream-deviation']).not.toMatch(/neither/);
  expect(JSON.parse(res.headers['tga-mock-violations'])).toEqual([
    expect.objectContaining({ keyword: 'required', instancePath: '/0' }),
  ]);
  expect(mock.requests()[0].reason).toBe('VALIDATION');
  expect(mock.events()).toEqual([]);
});

test('the preflight and the threshold are forwarded and checked too', async () => {
  reply = (s) =>
    s.method === 'OPTIONS'
      ? { status: 403, body: '' }
      : { status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: '{"app-hide":3}' };
  const preflight = await request(mock.url)
    .options('/events')
    .set('Origin', 'http://localhost')
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'tga-auth-token');
  expect(preflight.status).toBe(403);
  expect(preflight.headers['tga-mock-upstream-deviation']).toMatch(/^the CORS preflight answered 403/);
  const threshold = await request(mock.url).get('/events/threshold').set('Origin', 'http://localhost');
  expect([threshold.status, threshold.body]).toEqual([200, { 'app-hide': 3 }]);
  expect(threshold.headers['tga-mock-upstream-deviation']).toBeUndefined();
  expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
    'OPTIONS /api/events',
    'GET /api/events/threshold',
  ]);
});

test("nothing but the SDK's routes is forwarded, and the control API keeps its guards", async () => {
  expect((await request(mock.url).get('/events')).status).toBe(405);
  expect((await request(mock.url).post('/other').send('{}')).status).toBe(404);
  expect((await request(mock.url).post('/events/threshold').send('{}')).status).toBe(405);
  expect((await request(mock.url).get('/__mock/health')).body.options.upstream).toBe(`${upstreamUrl}/api`);
  const foreign = await request(mock.url).get('/__mock/health').set('Host', 'evil.example');
  expect(foreign.status).toBe(403);
  expect(seen).toEqual([]);
  // An absolute-form request line naming another host: the SDK's path is asked of the upstream only.
  const absolute = await new Promise<number>((resolve, reject) => {
    const { port } = new URL(mock.url);
    http
      .request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: 'http://evil.example/events?x=1',
          headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': mock.token() },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      )
      .on('error', reject)
      .end(GOOD_JSON);
  });
  expect(absolute).toBe(201);
  expect(seen.map((s) => [s.url, s.headers.host])).toEqual([['/api/events?x=1', new URL(upstreamUrl).host]]);
});

test("the token's signature is redacted from the log, the inspector's data and the journal", async () => {
  const token = mock.token();
  reply = (s) => ({
    status: 201,
    headers: { 'X-Echo': String(s.headers['tga-auth-token']) },
    body: JSON.stringify({ message: 'Success record.', token: s.headers['tga-auth-token'] }),
  });
  await post(GOOD_JSON);
  const signature = token.slice(token.indexOf('!') + 1);
  const kept = JSON.stringify([
    mock.requests(),
    mock.events(),
    (await request(mock.url).get('/__mock/requests')).body,
    (await request(mock.url).get('/__mock/events')).body,
  ]);
  expect(kept).toContain('<signature redacted>');
  expect(kept).not.toContain(signature);
});

test('an upstream that is down: a JSON 502 with its own reason', async () => {
  const down = http.createServer();
  await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
  const port = (down.address() as AddressInfo).port;
  await new Promise((resolve) => down.close(resolve));
  const proxy = await startMock({ upstream: `http://127.0.0.1:${port}` });
  try {
    const res = await request(proxy.url)
      .post('/events')
      .set('Content-Type', 'application/json')
      .set('TGA-Auth-Token', proxy.token())
      .send(GOOD_JSON);
    expect([res.status, res.headers['tga-mock-reason']]).toEqual([502, 'UPSTREAM_UNREACHABLE']);
    expect(res.body).toEqual({ message: 'The upstream could not be reached.' });
    expect(res.headers['tga-mock-detail']).toMatch(/ECONNREFUSED/);
    expect(proxy.requests()[0]).toMatchObject({ status: 502, reason: 'UPSTREAM_UNREACHABLE' });
    expect(proxy.events()).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test('an upstream that does not answer in time: 504; one that answers too much: 502', async () => {
  reply = () => ({ status: 201, hang: true });
  const slow = await post(GOOD_JSON);
  expect([slow.status, slow.headers['tga-mock-reason']]).toEqual([504, 'UPSTREAM_TIMEOUT']);
  reply = () => ({ status: 201, body: Buffer.alloc(100 * 1024, 32) });
  const big = await post(GOOD_JSON);
  expect([big.status, big.headers['tga-mock-reason']]).toEqual([502, 'UPSTREAM_ANSWER_TOO_LARGE']);
});

test('--upstream takes an http(s) URL only', async () => {
  await expect(startMock({ upstream: 'ftp://example.com' })).rejects.toThrow(
    /an http:\/\/ or https:\/\/ URL/,
  );
  await expect(startMock({ upstream: 'http://u:p@example.com' })).rejects.toThrow(/without credentials/);
});
