import net from 'node:net';
import request from 'supertest';
import { answerFor } from '../core/answers';
import { makeApp } from '../test-support/fixtures';
import { listen, shutdown, type Listening } from './server';

const app = makeApp();
let running: Listening;
beforeAll(async () => {
  running = await listen(app, 0, '127.0.0.1');
});
afterAll(() => shutdown(app, running.server));

/** Sends raw bytes and returns the raw answer (the connection is closed by the server). */
function raw(text: string): Promise<string> {
  const { port } = running.server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('answers outside the routes are JSON too', () => {
  test("431: headers over Node's limit get a JSON body", async () => {
    const answer = await raw(
      `GET /events/threshold HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.startsWith('HTTP/1.1 431')).toBe(true);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual(
      answerFor('HEADERS_TOO_LARGE').body,
    );
  });

  test('broken HTTP framing gets a JSON 400', async () => {
    const answer = await raw('THIS IS NOT HTTP\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual(
      answerFor('MALFORMED_REQUEST').body,
    );
  });

  test('an HTTP/1.1 request without Host gets a JSON 400 (HTTP/1.0 needs none)', async () => {
    const answer = await raw('GET /events/threshold HTTP/1.1\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(answer).toMatch(/tga-mock-reason: MALFORMED_REQUEST/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      message: 'An HTTP/1.1 request needs a Host header.',
    });
    const old = await raw('GET /events/threshold HTTP/1.0\r\n\r\n');
    expect(old.startsWith('HTTP/1.1 200')).toBe(true);
  });

  test('Expect: foo gets a JSON 417 from the registry; 100-continue still works', async () => {
    const answer = await raw('POST /events HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nContent-Length: 0\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 417')).toBe(true);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(answer).toMatch(/tga-mock-reason: EXPECTATION_FAILED/i);
    expect(answerFor('EXPECTATION_FAILED').status).toBe(417);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      message: 'Expect: foo is not supported; only 100-continue is.',
    });
    const cont = await raw(
      'POST /events HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx',
    );
    expect(cont.startsWith('HTTP/1.1 100 Continue')).toBe(true);
    expect(cont).toMatch(/HTTP\/1\.1 400 Bad Request[^]*TOKEN_MISSING_OR_MALFORMED/); // the token rule
  });

  test('404 for unknown routes and methods', async () => {
    for (const res of [await request(running.url).get('/nope'), await request(running.url).get('/events')]) {
      expect([res.status, res.body, res.headers['tga-mock-reason']]).toEqual([
        404,
        answerFor('NOT_FOUND').body,
        'NOT_FOUND',
      ]);
    }
  });

  test('a malformed %-escape in a route parameter is a JSON 400, not an HTML page', async () => {
    const res = await request(running.url).delete('/__mock/faults/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(answerFor('MALFORMED_REQUEST').body);
  });

  test('the server still answers after all that', async () => {
    expect((await request(running.url).get('/__mock/health')).status).toBe(200);
  });
});
