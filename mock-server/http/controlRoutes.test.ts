import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { answerFor } from '../core/answers';
import { GOOD_BODY, GOOD_JSON, makeApp, token } from '../test-support/fixtures';
import type { MockApp } from './app';
import { documentedResponse } from '../../schema';

const postEvents = (app: MockApp, body = GOOD_JSON, appName = 'docs') =>
  request(app)
    .post('/events')
    .set('TGA-Auth-Token', token(appName))
    .set('Content-Type', 'application/json')
    .send(body);

describe('control API: health and journal', () => {
  test('health: status, version, options without secrets, counts by status', async () => {
    const app = makeApp({ adminToken: undefined, journalCap: 2 });
    await postEvents(app);
    await postEvents(app);
    await postEvents(app, JSON.stringify([GOOD_BODY[0], GOOD_BODY[0]]));
    await request(app).post('/events').send('x');
    const res = await request(app).get('/__mock/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      options: { port: 8787, journalCap: 2, rateLimit: 600 },
      counts: { requests: { '201': 3, '400': 1 }, recorded: 4, dropped: 2 },
    });
    expect(JSON.stringify(res.body)).not.toContain('fixture-secret');
  });

  test('events: shape, filters, limit, since; DELETE empties journal and counters', async () => {
    const app = makeApp();
    await postEvents(app);
    await postEvents(
      app,
      JSON.stringify([{ ...GOOD_BODY[0], app_name: 'shop', event_name: 'app-hide' }]),
      'shop',
    );
    const all = (await request(app).get('/__mock/events')).body;
    expect(all).toEqual({
      events: [
        {
          seq: 1,
          received_at: expect.any(String),
          request_id: expect.any(String),
          app_name: 'docs',
          event: GOOD_BODY[0],
        },
        {
          seq: 2,
          received_at: expect.any(String),
          request_id: expect.any(String),
          app_name: 'shop',
          event: expect.objectContaining({ event_name: 'app-hide' }),
        },
      ],
      total: 2,
      dropped: 0,
    });
    const q = (s: string) =>
      request(app)
        .get(`/__mock/events?${s}`)
        .then((r) => r.body.events.map((e: { seq: number }) => e.seq));
    expect(await q('app_name=shop')).toEqual([2]);
    expect(await q('event_name=app-init')).toEqual([1]);
    expect(await q('since=1')).toEqual([2]);
    expect(await q('limit=1')).toEqual([1]);
    expect((await request(app).delete('/__mock/events')).status).toBe(204);
    expect((await request(app).get('/__mock/events')).body).toEqual({ events: [], total: 0, dropped: 0 });
    expect((await request(app).get('/__mock/health')).body.counts).toEqual({
      requests: {},
      recorded: 0,
      dropped: 0,
      kept: 0,
      bytes: 0,
      requests_dropped: 0,
      requests_bytes: 0,
      not_delivered: 0,
    });
  });

  test('the request log has every POST /events, accepted or not, without the token', async () => {
    const app = makeApp();
    await postEvents(app);
    await request(app).post('/events').set('Content-Type', 'application/json').send('{}');
    const { requests } = (await request(app).get('/__mock/requests')).body;
    expect(requests.map((r: { status: number; reason: string }) => [r.status, r.reason])).toEqual([
      [201, 'RECORDED'],
      [400, 'TOKEN_MISSING_OR_MALFORMED'],
    ]);
    expect(requests[0]).toMatchObject({
      app_name: 'docs',
      body: GOOD_BODY,
      response: { body: documentedResponse('RECORDED').body },
    });
    expect(JSON.stringify(requests)).not.toContain(token().split('!')[1]);
    // The request's headers are there, the token's signature redacted, so a 403 or 400 can be read.
    expect(requests[0]).toMatchObject({
      delivered: true,
      headers: {
        'content-type': 'application/json',
        'tga-auth-token': `${token().split('!')[0]}!<signature redacted>`,
      },
    });
  });

  test('GET /__mock/events?min=N&wait_ms=T long-polls: answers when N match, or at the timeout saying what came', async () => {
    const app = makeApp();
    const waiting = request(app).get('/__mock/events?event_name=app-init&min=2&wait_ms=5000');
    const answered = waiting.then((r) => r);
    await new Promise((r) => setTimeout(r, 50));
    await postEvents(app);
    await postEvents(app);
    const res = await answered;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ timed_out: false, total: 2, events: [{ seq: 1 }, { seq: 2 }] });
    const late = await request(app).get('/__mock/events?event_name=app-hide&min=1&wait_ms=30');
    expect(late.body).toMatchObject({
      timed_out: true,
      total: 0,
      events: [],
      message: expect.stringMatching(/got 0; what did arrive: 2× app-init \(app docs\)/),
    });
    const bad = await request(app).get('/__mock/events?wait_ms=30');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^wait_ms: give min too/);
  });

  test.each([
    ['/__mock/events?evnt_name=x', 'evnt_name'],
    ['/__mock/events?limit=0', 'limit'],
    ['/__mock/events?since=abc', 'since'],
  ])('GET %s → 400 naming %s', async (url, field) => {
    const res = await request(makeApp()).get(url);
    expect(res.status).toBe(400);
    expect(res.body.message.startsWith(`${field}:`)).toBe(true);
  });
});

describe('control API: faults', () => {
  test('arm, list, delete one, delete all', async () => {
    const app = makeApp();
    const armed = await request(app)
      .post('/__mock/faults')
      .send({ kind: 'record-failure', count: 2, app_name: 'docs' });
    expect([armed.status, armed.body]).toEqual([
      201,
      { id: 'f1', kind: 'record-failure', count: 2, app_name: 'docs' },
    ]);
    await request(app).post('/__mock/faults').send({ kind: 'latency', ms: 1 });
    expect((await request(app).get('/__mock/faults')).body.faults.map((f: { id: string }) => f.id)).toEqual([
      'f1',
      'f2',
    ]);
    expect((await request(app).delete('/__mock/faults/f1')).status).toBe(204);
    const missing = await request(app).delete('/__mock/faults/f1');
    expect([missing.status, missing.body.message]).toEqual([404, 'no armed fault f1']);
    expect((await request(app).delete('/__mock/faults')).status).toBe(204);
    expect((await request(app).get('/__mock/faults')).body).toEqual({ faults: [] });
  });

  test.each([
    ['{"kind":"record-failure","cuont":1}', 'cuont'],
    ['{"kind":"nope"}', 'kind'],
    ['{"kind":"latency"}', 'ms'],
    ['not json', 'body'],
    ['[]', 'body'],
  ])('POST %s → 400 naming %s', async (body, field) => {
    const res = await request(makeApp())
      .post('/__mock/faults')
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.headers['tga-mock-reason']).toBe('BAD_CONTROL_REQUEST');
    expect(res.body.message.startsWith(`${field}:`)).toBe(true);
  });

  test('record-failure answers Failed to record for the next N requests of its app, then records', async () => {
    const app = makeApp();
    await request(app).post('/__mock/faults').send({ kind: 'record-failure', count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postEvents(app)).body.message);
    const failed = documentedResponse('RECORD_FAILED').body.message;
    const recorded = documentedResponse('RECORDED').body.message;
    expect(statuses).toEqual([failed, failed, recorded]);
    expect(app.mock.journal.query().total).toBe(1);
  });

  test('rate-limit answers 429 with Retry-After at step 4', async () => {
    const app = makeApp();
    await request(app).post('/__mock/faults').send({ kind: 'rate-limit' });
    const res = await postEvents(app);
    expect([res.status, res.body]).toEqual([429, answerFor('RATE_LIMITED').body]);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect((await postEvents(app)).status).toBe(201);
  });

  test('reset destroys the socket instead of answering', async () => {
    const app = makeApp();
    app.mock.faults.arm({ kind: 'reset' });
    await expect(postEvents(app)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(app.mock.journal.query().total).toBe(0);
    expect((await postEvents(app)).status).toBe(201);
  });

  test('latency delays the answer but does not change it', async () => {
    const app = makeApp();
    app.mock.faults.arm({ kind: 'latency', ms: 5 });
    const res = await postEvents(app, GOOD_JSON);
    expect(res.status).toBe(201);
    expect(app.mock.journal.requests()[0].response.status).toBe(201);
    expect(app.mock.faults.list()).toEqual([]);
  });

  test('probability faults are deterministic with the injected random', async () => {
    const draws = [0.9, 0.1, 0.9, 0.1];
    const app = makeApp({}, { random: () => draws.shift() ?? 1 });
    app.mock.faults.arm({ kind: 'record-failure', probability: 0.5 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await postEvents(app)).body.message === documentedResponse('RECORD_FAILED').body.message,
      );
    expect(statuses).toEqual([false, true, false, true]);
  });
});

describe('control API: who may use it', () => {
  // A server whose sockets claim a non-loopback peer: the only way to test the rule while
  // listening on 127.0.0.1 alone.
  async function asRemote(app: MockApp, fn: (url: string) => Promise<void>) {
    const server = http.createServer((req, res) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: '203.0.113.5', configurable: true });
      app(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  test('loopback clients may; remote clients get 403 JSON, X-Forwarded-For does not help', async () => {
    const app = makeApp();
    expect((await request(app).get('/__mock/health')).status).toBe(200);
    await asRemote(app, async (url) => {
      const res = await request(url).get('/__mock/health').set('X-Forwarded-For', '127.0.0.1');
      expect([res.status, res.body]).toEqual([403, answerFor('FORBIDDEN_ADMIN').body]);
      expect((await request(url).post('/events').send('x')).status).toBe(400); // /events is open to all
    });
  });

  test('with --admin-token the token is required, from anywhere', async () => {
    const app = makeApp({ adminToken: 'let-me-in' });
    expect((await request(app).get('/__mock/health')).status).toBe(403);
    expect((await request(app).get('/__mock/health').set('TGA-Mock-Admin-Token', 'wrong')).status).toBe(403);
    expect((await request(app).get('/__mock/health').set('TGA-Mock-Admin-Token', 'let-me-in')).status).toBe(
      200,
    );
    await asRemote(app, async (url) => {
      expect((await request(url).get('/__mock/faults').set('TGA-Mock-Admin-Token', 'let-me-in')).status).toBe(
        200,
      );
    });
  });
});

describe('control API: POST /__mock/reset', () => {
  test('resets the journal, request log, counters, faults and rate-limit counts, in JSON', async () => {
    const app = makeApp({ rateLimit: 1 });
    expect((await postEvents(app)).status).toBe(201);
    expect((await postEvents(app)).status).toBe(429); // the rate limit is spent
    await request(app).post('/__mock/faults').send({ kind: 'record-failure', count: 5 });
    const res = await request(app).post('/__mock/reset').set('Content-Type', 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      message: expect.stringMatching(/^Reset: /),
      counts: expect.objectContaining({ requests: {}, recorded: 0, dropped: 0, kept: 0, bytes: 0 }),
      faults: [],
    });
    expect((await request(app).get('/__mock/events')).body).toEqual({ events: [], total: 0, dropped: 0 });
    expect((await request(app).get('/__mock/requests')).body).toEqual({ requests: [] });
    expect((await request(app).get('/__mock/faults')).body).toEqual({ faults: [] });
    // The rate-limit count is forgotten and the record-failure fault disarmed: a 201 again.
    expect((await postEvents(app)).status).toBe(201);
  });

  test('is a state change like any other: JSON Content-Type, same-origin only', async () => {
    const app = makeApp();
    await postEvents(app);
    const plain = await request(app).post('/__mock/reset').set('Content-Type', 'text/plain').send('{}');
    expect([plain.status, plain.headers['tga-mock-reason']]).toEqual([415, 'CONTROL_NOT_JSON']);
    expect((await request(app).post('/__mock/reset')).status).toBe(415); // a bodyless no-cors POST
    const foreign = await request(app)
      .post('/__mock/reset')
      .set('Content-Type', 'application/json')
      .set('Origin', 'http://evil.example');
    expect(foreign.status).toBe(403);
    expect((await request(app).get('/__mock/events')).body.total).toBe(1);
    expect((await request(app).get('/__mock/reset')).status).toBe(404);
  });
});
