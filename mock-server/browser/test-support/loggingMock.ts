// THROWAWAY stand-in until the mock's startMock() lands: answers like the mock would for the happy
// path and remembers what it was sent. Used only to prototype the browser tests.
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface LoggedEvent {
  app_name: string;
  event: Record<string, unknown>;
}

export async function startLoggingMock() {
  const events: LoggedEvent[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const cors = {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': 'TGA-Auth-Token, Content-Type, Content-Encoding, Content',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      if (req.url === '/events/threshold')
        return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end('{"app-hide":3}');
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      const parsed = JSON.parse(body.toString()) as Record<string, unknown> | Record<string, unknown>[];
      for (const event of Array.isArray(parsed) ? parsed : [parsed])
        events.push({ app_name: String(event.app_name), event });
      res
        .writeHead(201, { ...cors, 'content-type': 'application/json' })
        .end('{"message":"Success record."}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
  return {
    url,
    token: (appName = 'docs', appDomain = 'http://localhost') =>
      `${b64(JSON.stringify({ app_name: appName, app_url: 'https://t.me/x', app_domain: appDomain }))}!${b64(Buffer.alloc(32))}`,
    events: async () => events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
