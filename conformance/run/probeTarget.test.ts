import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CLAIMS, encodeClaims, joinToken } from '../../schema/token';
import { probeTarget, type ServerSettings } from './probeTarget';

const TOKEN = joinToken(encodeClaims(DEMO_CLAIMS), Buffer.alloc(32));

function settingsFor(url: string): ServerSettings {
  return { baseUrl: url, token: TOKEN, origin: DEMO_CLAIMS.app_domain, probeRateLimit: 0, timeoutMs: 5000 };
}

async function serve(status: number, body: string, contentType: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

test('a token that does not decode, or an unreachable server, is an error naming it', async () => {
  expect(await probeTarget({ ...settingsFor('http://127.0.0.1:1'), token: 'abc' })).toEqual({
    ok: false,
    error: '--token: a token is "<base64 JSON>!<base64 signature>"',
  });
  const server = await serve(200, '', 'text/plain');
  await server.close();
  const probe = await probeTarget(settingsFor(server.url));
  expect(!probe.ok && probe.error).toMatch(/^http:\/\/127\.0\.0\.1:\d+ is unreachable: /);
});

test.each([
  ['200 HTML', 200, '<html>ok</html>', 'text/html', null],
  ['200 JSON null', 200, 'null', 'application/json', null],
  ['200 JSON without status ok', 200, '{"status":"degraded"}', 'application/json', null],
  ['404', 404, '{"message":"Not found"}', 'application/json', null],
  [
    'the mock health answer',
    200,
    '{"status":"ok","version":"9.9.9"}',
    'application/json',
    { version: '9.9.9' },
  ],
])(
  'a target answering %s to GET /__mock/health is reachable; mock: %j',
  async (_label, status, body, type, mock) => {
    const server = await serve(status, body, type);
    try {
      const probe = await probeTarget(settingsFor(server.url));
      expect(probe.ok && probe.server.mock).toEqual(mock);
      expect(probe.ok && probe.server.app).toEqual(DEMO_CLAIMS);
    } finally {
      await server.close();
    }
  },
);
