// The Node server around a mock app. Node refuses some requests before Express sees them (headers
// over --max-http-header-size, broken framing, an Expect it does not know, HTTP/1.1 without Host);
// its default answers have no body. These hooks answer them in JSON too, from the same registry.
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { answerFor, type MockReason } from '../core/answers';
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

/** A registry answer on a bare Node response (no Express here), closing the connection. */
function writeReason(res: ServerResponse, reason: MockReason, message?: string): void {
  const { status, body } = answerFor(reason);
  const text = JSON.stringify(message === undefined ? body : { message });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'TGA-Mock-Reason': reason,
    Connection: 'close',
  });
  res.end(text);
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
      // Node's own refusal of an HTTP/1.1 request without Host is an empty 400: answered below.
      requireHostHeader: false,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      // RFC 9112 §3.2: an HTTP/1.1 request must carry Host (HTTP/1.0 need not).
      if (req.headers.host === undefined && req.httpVersion === '1.1')
        return writeReason(res, 'MALFORMED_REQUEST', 'An HTTP/1.1 request needs a Host header.');
      // The SDK's hot path: POST /events goes straight to its handler, without Express's router
      // (the Express app routes it to the same handler; see http/eventsRoute.ts).
      if (req.method === 'POST' && (req.url === '/events' || req.url?.startsWith('/events?')))
        return app.mock.events(req, res);
      app(req, res);
    },
  );
  // Any Expect but 100-continue (which Node answers itself): Node's default 417 has no body.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) =>
    writeReason(
      res,
      'EXPECTATION_FAILED',
      `Expect: ${String(req.headers.expect)} is not supported; only 100-continue is.`,
    ),
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
