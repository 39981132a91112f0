// A tiny static server for test pages, so a page runs from a loopback origin other than the mock's
// (a second port is a second origin; `localhost` and `127.0.0.1` are two hosts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  type: string;
  body: string | Buffer;
}

export interface StaticServer {
  port: number;
  /** The origin for a host name that resolves to this machine, e.g. `localhost` or `127.0.0.1`. */
  origin(host?: string): string;
  close(): Promise<void>;
}

export async function startStaticServer(files: Record<string, StaticFile>): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: (host = '127.0.0.1') => `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
