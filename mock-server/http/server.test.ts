import { METHODS } from 'node:http';
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

/**
 * Sends raw bytes and returns the raw answer (the connection is closed by the server). `end`
 * false keeps our side open, as a CONNECT client waiting for its tunnel does.
 */
function raw(text: string, end = true): Promise<string> {
  const { port } = running.server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => (end ? socket.end(text) : socket.write(text)));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

const statusOf = (answer: string) => Number(answer.slice(9, 12));
const headerOf = (answer: string, name: string) =>
  new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(answer.slice(0, answer.indexOf('\r\n\r\n') + 2))?.[1];
/** The body, its chunked framing undone (streamed control answers are chunked). */
function bodyOf(answer: string): string {
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  if (!/\r\ntransfer-encoding: chunked\r\n/i.test(answer)) return body;
  let out = '';
  for (let at = 0; ;) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, eol), 16);
    if (!(size > 0)) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
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

  test('404 for unknown routes; 405 with Allow for another method on an SDK path', async () => {
    const unknown = await request(running.url).get('/nope');
    expect([unknown.status, unknown.body, unknown.headers['tga-mock-reason']]).toEqual([
      404,
      answerFor('NOT_FOUND').body,
      'NOT_FOUND',
    ]);
    const cases = [
      ['get', '/events', 'POST, OPTIONS'],
      ['put', '/events/fingerprint', 'POST, OPTIONS'],
      ['post', '/events/threshold', 'GET, HEAD, OPTIONS'],
    ] as const;
    for (const [method, path, allow] of cases) {
      const res = await request(running.url)[method](path);
      expect([res.status, res.body, res.headers['tga-mock-reason'], res.headers.allow]).toEqual([
        405,
        answerFor('METHOD_NOT_ALLOWED').body,
        'METHOD_NOT_ALLOWED',
        allow,
      ]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  test('a malformed %-escape in a route parameter is a JSON 400, not an HTML page', async () => {
    const res = await request(running.url).delete('/__mock/faults/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(answerFor('MALFORMED_REQUEST').body);
  });

  test('every method on every path answers JSON from the registry, OPTIONS and CONNECT included', async () => {
    const paths = [
      '/',
      '/nope',
      '*',
      '/events',
      '/events/threshold',
      '/events/fingerprint',
      '/__mock',
      '/__mock/',
      '/__mock/health',
      '/__mock/events',
      '/__mock/requests',
      '/__mock/faults',
      '/__mock/faults/x',
      '/__mock/reset',
      '/__mock/inspector/stream',
      '/__mock/nope',
      'http://127.0.0.1/__mock/health',
      '127.0.0.1:443',
    ];
    const offKey: string[] = [];
    for (const method of METHODS)
      for (const path of paths) {
        // A live feed never ends; the inspector page is HTML by design.
        if ((method === 'GET' || method === 'HEAD') && path.startsWith('/__mock/inspector/stream')) continue;
        const page = (method === 'GET' || method === 'HEAD') && (path === '/__mock/' || path === '/__mock');
        const answer = await raw(
          `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            'Content-Length: 0\r\nConnection: close\r\n\r\n',
          method !== 'CONNECT',
        );
        const status = statusOf(answer);
        const type = headerOf(answer, 'content-type');
        const json = page || status === 204 ? true : type === 'application/json; charset=utf-8';
        const body = bodyOf(answer);
        const parses =
          method === 'HEAD' ||
          status === 204 ||
          page ||
          (() => {
            try {
              return typeof JSON.parse(body) === 'object';
            } catch {
              return false;
            }
          })();
        if (!answer.startsWith('HTTP/1.1 ') || !json || !parses)
          offKey.push(`${method} ${path}: ${answer.slice(0, 80)}`);
      }
    expect(offKey).toEqual([]);
  });

  test.each(['/__mock/', '/__mock/inspector/stream'])(
    'OPTIONS %s is a JSON 404 behind the control guards, not Express\'s "GET, HEAD"',
    async (path) => {
      const answer = await raw(`OPTIONS ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect([statusOf(answer), headerOf(answer, 'tga-mock-reason'), JSON.parse(bodyOf(answer))]).toEqual([
        404,
        'NOT_FOUND',
        answerFor('NOT_FOUND').body,
      ]);
      expect(headerOf(answer, 'x-frame-options')).toBe('DENY');
      expect(headerOf(answer, 'allow')).toBeUndefined();
      const foreign = await raw(
        `OPTIONS ${path} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
      );
      expect([statusOf(foreign), headerOf(foreign, 'tga-mock-reason')]).toEqual([403, 'HOST_NOT_ALLOWED']);
    },
  );

  test('CONNECT gets a JSON 404 and the connection is closed, the /__mock guards first', async () => {
    // The client keeps its side open, as one waiting for a tunnel does: the server closes it.
    const tunnel = await raw('CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n', false);
    expect([statusOf(tunnel), headerOf(tunnel, 'tga-mock-reason'), JSON.parse(bodyOf(tunnel))]).toEqual([
      404,
      'NOT_FOUND',
      answerFor('NOT_FOUND').body,
    ]);
    expect(headerOf(tunnel, 'connection')).toBe('close');
    const control = await raw('CONNECT /__mock/health HTTP/1.1\r\nHost: evil.example\r\n\r\n', false);
    expect([statusOf(control), headerOf(control, 'tga-mock-reason')]).toEqual([403, 'HOST_NOT_ALLOWED']);
  });

  test('the server still answers after all that', async () => {
    expect((await request(running.url).get('/__mock/health')).status).toBe(200);
  });
});
