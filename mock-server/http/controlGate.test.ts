// The cross-site rules of /__mock through the whole app: a text/plain or form POST, a foreign
// Origin, Sec-Fetch-Site and a rebound Host are refused in JSON, and nothing changes; Node clients
// (no Origin, no Sec-Fetch-*) and the inspector's own same-origin calls get through.
import request from 'supertest';
import { answerFor } from '../core/answers';
import { startMock } from '../startMock';
import { makeApp } from '../test-support/fixtures';
import type { MockApp } from './app';

const FAULT = JSON.stringify({ kind: 'latency', ms: 60000, probability: 1 });
const armed = async (app: MockApp) => (await request(app).get('/__mock/faults')).body.faults as unknown[];

function expectRefused(res: request.Response, reason: string, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['tga-mock-reason']).toBe(reason);
  expect(answerFor(reason as never).status).toBe(status);
  expect(res.body).toEqual({ message: expect.any(String) });
}

describe('/__mock refuses cross-site use', () => {
  test('a text/plain POST (the HTML form trick) is 415 and arms nothing', async () => {
    const app = makeApp();
    const res = await request(app)
      .post('/__mock/faults')
      .set('Content-Type', 'text/plain')
      .send('{"kind":"rate-limit","count":7}');
    expectRefused(res, 'CONTROL_NOT_JSON', 415);
    expect(res.body.message).toMatch(/needs Content-Type: application\/json \(got "text\/plain"\)/);
    expect(await armed(app)).toEqual([]);
  });

  test('a form-encoded POST (curl -d without a type) is 415', async () => {
    const app = makeApp();
    const res = await request(app)
      .post('/__mock/faults')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(FAULT);
    expectRefused(res, 'CONTROL_NOT_JSON', 415);
    expect(res.body.message).toContain("-H 'Content-Type: application/json'");
    expect(await armed(app)).toEqual([]);
  });

  test('a POST without a body or type is 415; a DELETE without one is fine, text/plain is not', async () => {
    const app = makeApp();
    expectRefused(await request(app).post('/__mock/faults'), 'CONTROL_NOT_JSON', 415);
    expect((await request(app).delete('/__mock/events')).status).toBe(204);
    expectRefused(
      await request(app).delete('/__mock/events').set('Content-Type', 'text/plain').send('x'),
      'CONTROL_NOT_JSON',
      415,
    );
  });

  test('a JSON POST from another Origin is 403 and arms nothing', async () => {
    const app = makeApp();
    const res = await request(app)
      .post('/__mock/faults')
      .set('Origin', 'http://evil.example')
      .set('Content-Type', 'application/json')
      .send(FAULT);
    expectRefused(res, 'CROSS_SITE_REFUSED', 403);
    expect(res.body.message).toContain('Origin http://evil.example');
    expect(res.headers['x-frame-options']).toBe('DENY'); // refusals too
    expect(await armed(app)).toEqual([]);
    const other = await request(app).get('/__mock/events').set('Origin', 'http://localhost:5173');
    expectRefused(other, 'CROSS_SITE_REFUSED', 403);
  });

  test('Sec-Fetch-Site cross-site or same-site is 403, also on reads and DELETE', async () => {
    const app = makeApp();
    for (const site of ['cross-site', 'same-site']) {
      const res = await request(app)
        .post('/__mock/faults')
        .set('Sec-Fetch-Site', site)
        .set('Content-Type', 'application/json')
        .send(FAULT);
      expectRefused(res, 'CROSS_SITE_REFUSED', 403);
      expect(res.body.message).toContain(`Sec-Fetch-Site is ${site}`);
    }
    expectRefused(
      await request(app).delete('/__mock/events').set('Sec-Fetch-Site', 'cross-site'),
      'CROSS_SITE_REFUSED',
      403,
    );
    expectRefused(
      await request(app).get('/__mock/inspector/stream').set('Sec-Fetch-Site', 'cross-site'),
      'CROSS_SITE_REFUSED',
      403,
    );
    expect(await armed(app)).toEqual([]);
  });

  test("the inspector's own calls (same origin, JSON) get through", async () => {
    const app = makeApp();
    const res = await request(app)
      .post('/__mock/faults')
      .set('Host', '127.0.0.1:8787')
      .set('Origin', 'http://127.0.0.1:8787')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Content-Type', 'application/json')
      .send(FAULT);
    expect(res.status).toBe(201);
    const cleared = await request(app)
      .delete('/__mock/faults')
      .set('Host', 'localhost:8787')
      .set('Origin', 'http://localhost:8787')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Content-Type', 'application/json');
    expect(cleared.status).toBe(204);
  });

  test('a link from another site may open the inspector page (top-level navigation)', async () => {
    const res = await request(makeApp())
      .get('/__mock/')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Sec-Fetch-Mode', 'navigate')
      .set('Sec-Fetch-Dest', 'document');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  test('Host: evil.example (DNS rebinding) is 403 on reads and DELETE, naming the host and the flag', async () => {
    const app = makeApp();
    await request(app).post('/__mock/faults').send({ kind: 'rate-limit' });
    for (const call of [
      request(app).get('/__mock/events'),
      request(app).get('/__mock/'),
      request(app).get('/__mock/inspector/stream'),
      request(app).delete('/__mock/events'),
      request(app).delete('/__mock/faults'),
    ]) {
      const res = await call.set('Host', 'evil.example:8787');
      expectRefused(res, 'HOST_NOT_ALLOWED', 403);
      expect(res.body.message).toContain('Host "evil.example:8787"');
      expect(res.body.message).toContain('--allowed-hosts evil.example');
    }
    expect(await armed(app)).toHaveLength(1);
  });

  test('--allowed-hosts evil.example lets that Host in', async () => {
    const app = makeApp({ allowedHosts: ['evil.example'] });
    expect((await request(app).get('/__mock/events').set('Host', 'evil.example:8787')).status).toBe(200);
    expect((await request(app).delete('/__mock/events').set('Host', 'evil.example')).status).toBe(204);
    expect((await request(app).get('/__mock/events').set('Host', 'other.example')).status).toBe(403);
  });

  test('Host is checked against --host: the bound address is allowed', async () => {
    const app = makeApp({ host: '10.1.2.3' });
    expect((await request(app).get('/__mock/health').set('Host', '10.1.2.3:8787')).status).toBe(200);
    expect((await request(app).get('/__mock/health').set('Host', '10.1.2.4:8787')).status).toBe(403);
  });

  test('the inspector and the control API send the anti-framing and nosniff headers', async () => {
    const app = makeApp();
    for (const [path, status] of [
      ['/__mock/', 200],
      ['/__mock/inspector/inspector.js', 200],
      ['/__mock/health', 200],
      ['/__mock/nowhere', 404],
    ] as const) {
      const res = await request(app).get(path);
      expect(res.status).toBe(status);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  test('POST /events keeps its open CORS and needs none of this', async () => {
    const app = makeApp();
    const res = await request(app)
      .post('/events')
      .set('Host', 'evil.example')
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(res.status).toBe(400);
    expect(res.headers['tga-mock-reason']).toBe('TOKEN_MISSING_OR_MALFORMED');
    expect(res.headers['access-control-allow-origin']).toBe('https://evil.example');
    const preflight = await request(app)
      .options('/events')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
  });
});

describe('Node clients (no Origin, no Sec-Fetch-Site) are unaffected', () => {
  test("Node's fetch against a listening mock: JSON POST, DELETE without a body, reads", async () => {
    const mock = await startMock();
    try {
      const arm = await fetch(`${mock.url}/__mock/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'record-failure' }),
      });
      expect(arm.status).toBe(201);
      expect((await fetch(`${mock.url}/__mock/faults`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${mock.url}/__mock/events`)).status).toBe(200);
      const plain = await fetch(`${mock.url}/__mock/faults`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'record-failure' }), // undici sends text/plain;charset=UTF-8
      });
      expect(plain.status).toBe(415);
    } finally {
      await mock.close();
    }
  });
});
