import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveOptions, type ConformanceOptions } from './options';
import { probeTarget } from './probeTarget';

const TOKEN = `${Buffer.from(JSON.stringify({ app_name: 'docs', app_domain: 'http://localhost' })).toString('base64')}!${Buffer.alloc(32).toString('base64')}`;

function optionsFor(url: string): ConformanceOptions {
  const r = resolveOptions(['--base-url', url, '--token', TOKEN], {});
  if (!r.ok || r.command !== 'run') throw new Error('bad options');
  return r.options;
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
      const probe = await probeTarget(optionsFor(server.url));
      expect(probe.ok && probe.target.mock).toEqual(mock);
      expect(probe.ok && probe.target.app.app_name).toBe('docs');
    } finally {
      await server.close();
    }
  },
);
