// The Node server around a mock app. Node refuses some requests before Express sees them (headers
// over --max-http-header-size, broken framing); its default answer has no body. The clientError
// hook answers those in JSON too, from the same registry.
import http, { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { answerFor } from '../core/answers';
import type { MockApp } from './app';

function rawJsonAnswer(socket: Duplex, code: string | undefined): void {
  const reason = code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST';
  const { status, body } = answerFor(reason);
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nTGA-Mock-Reason: ${reason}\r\nConnection: close\r\n\r\n${text}`,
  );
}

export function createMockServer(app: MockApp): http.Server {
  const { requestTimeout } = app.mock.options;
  // A client dripping its request byte by byte would hold a socket forever (slowloris): Node cuts
  // it off after requestTimeout, checked every connectionsCheckingInterval (30 s by default, too
  // coarse for short timeouts). headersTimeout may not exceed requestTimeout.
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout > 0 ? Math.min(requestTimeout, 60_000) : 60_000,
      connectionsCheckingInterval:
        requestTimeout > 0 ? Math.min(Math.max(Math.floor(requestTimeout / 4), 50), 30_000) : 30_000,
    },
    app,
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Timeouts and resets: the client is gone or idle, there is nobody to answer.
    if (!socket.writable || err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.destroy();
      return;
    }
    rawJsonAnswer(socket, err.code);
  });
  return server;
}

export interface Listening {
  server: http.Server;
  url: string;
}

export function listen(app: MockApp, port: number, host: string): Promise<Listening> {
  const server = createMockServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { address, port: actual } = server.address() as AddressInfo;
      const shown = address.includes(':') ? `[${address}]` : address;
      resolve({ server, url: `http://${shown}:${actual}` });
    });
  });
}

/** Stops accepting, lets in-flight requests finish, then flushes the journal. */
export async function shutdown(app: MockApp, server: http.Server, graceMs = 5000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  app.mock.endStreams();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
  await app.mock.close();
}
