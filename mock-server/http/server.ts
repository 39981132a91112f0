// The Node server around a mock app. Node refuses some requests before Express sees them (headers
// over --max-http-header-size, broken framing, an Expect it does not know, HTTP/1.1 without Host);
// its default answers have no body. These hooks answer them in JSON too, from the same registry.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { ServerResponse, STATUS_CODES, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo, Socket } from 'node:net';
import { answerFor, type MockReason } from '../core/answers';
import type { MockOptions } from '../core/options';
import { sdkRoute } from '../core/sdkRoutes';
import { sdkHandlerOf, type MockApp } from './app';

/** What an HTTPS mock serves: the PEM certificate (chain) and its private key. */
export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  /** The names the certificate covers (its subjectAltName, else its subject), for the banner. */
  names: string;
}

function readPem(flag: string, file: string, read: (p: string) => Buffer): Buffer {
  try {
    return read(file);
  } catch (e) {
    throw new Error(
      `${flag} ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      { cause: e },
    );
  }
}

/**
 * The certificate and key of --tls-cert/--tls-key, read and checked (both PEM, the key the
 * certificate's), or undefined for plain HTTP. Throws an Error whose message is one line naming
 * the flag and file. That the two come together is resolveOptions' rule, checked there.
 */
export function loadTls(
  options: Pick<MockOptions, 'tlsCert' | 'tlsKey'>,
  read: (p: string) => Buffer = (p) => readFileSync(p),
): TlsMaterial | undefined {
  const { tlsCert, tlsKey } = options;
  if (tlsCert === undefined || tlsKey === undefined) return undefined;
  const cert = readPem('--tls-cert', tlsCert, read);
  const key = readPem('--tls-key', tlsKey, read);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new Error(`--tls-cert ${tlsCert}: not a PEM certificate`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(`--tls-key ${tlsKey}: not a PEM private key (an unencrypted one)`);
  }
  if (!x509.checkPrivateKey(privateKey))
    throw new Error(`--tls-key ${tlsKey}: not the private key of the certificate in ${tlsCert}`);
  return { cert, key, names: x509.subjectAltName ?? x509.subject.replace(/\n/g, ', ') };
}

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

/** The most a TLS handshake may take (less with a shorter --request-timeout). */
export const HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * The timeouts of a mock's server, all bounded whatever --request-timeout says (0 = none only
 * lifts the bound on a request being sent: a connection that sends nothing is still closed).
 */
export function serverTimeouts(requestTimeout: number) {
  const bounded = (max: number) => (requestTimeout > 0 ? Math.min(requestTimeout, max) : max);
  return {
    requestTimeout,
    // How long a connection may take to send its request line and headers. Node counts a new
    // connection (over TLS: once its handshake is done) as waiting for headers, so one that never
    // sends a byte is closed after this too. May not exceed requestTimeout.
    headersTimeout: bounded(60_000),
    // Node's default, stated: an idle keep-alive connection after an answer.
    keepAliveTimeout: 5000,
    handshakeTimeout: bounded(HANDSHAKE_TIMEOUT_MS),
    // Node checks requestTimeout and headersTimeout every connectionsCheckingInterval (30 s by
    // default, too coarse for short timeouts).
    connectionsCheckingInterval:
      requestTimeout > 0 ? Math.min(Math.max(Math.floor(requestTimeout / 4), 50), 30_000) : 30_000,
  };
}

/** TLS errors (a handshake that failed or timed out) come before HTTP: there is no one to answer. */
const isTlsError = (code: string | undefined) =>
  code !== undefined && (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'));

/** The Node server (HTTPS when `tls` is given) around a mock app, not yet listening. */
export function createMockServer(app: MockApp, tls?: TlsMaterial): http.Server {
  const { handshakeTimeout, ...timeouts } = serverTimeouts(app.mock.options.requestTimeout);
  const serverOptions = {
    ...timeouts,
    // Node's own refusal of an HTTP/1.1 request without Host is an empty 400: answered below.
    requireHostHeader: false,
  };
  const sdk = sdkHandlerOf(app);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // RFC 9112 §3.2: an HTTP/1.1 request must carry Host (HTTP/1.0 need not).
    if (req.headers.host === undefined && req.httpVersion === '1.1')
      return writeReason(res, 'MALFORMED_REQUEST', 'An HTTP/1.1 request needs a Host header.');
    // The SDK's hot path: its routes go straight to their handler, without Express's router (the
    // Express app routes them to the same handler, and the rest of the app never sees them).
    const route = sdkRoute(req.method, req.url);
    if (route) return sdk(route, req, res);
    app(req, res);
  };
  // An https.Server is an http.Server over TLS: the same hooks, timeouts and shutdown apply.
  // Node's HTTP timeouts only start once the handshake is done: handshakeTimeout (120 s by
  // default) closes a connection that never finishes it (see the clientError hook too).
  const server = tls
    ? (https.createServer(
        { ...serverOptions, handshakeTimeout, cert: tls.cert, key: tls.key },
        handle,
      ) as unknown as http.Server)
    : http.createServer(serverOptions, handle);
  // CONNECT has no route, but Node would close the socket without a word when no 'connect'
  // listener exists: the app answers it like any other method (a JSON 404, the /__mock guards
  // first), and the connection closes after the answer.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    // Node has handed the socket over, its error listener included: a reset must not throw.
    socket.on('error', () => socket.destroy());
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket);
    res.once('finish', () => {
      res.detachSocket(socket);
      socket.destroySoon();
    });
    // The router cannot route a host:port (Express would answer HTML); a path goes through the app.
    if (req.url?.startsWith('/')) handle(req, res);
    else writeReason(res, 'NOT_FOUND');
  });
  // Any Expect but 100-continue (which Node answers itself): Node's default 417 has no body.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) =>
    writeReason(
      res,
      'EXPECTATION_FAILED',
      `Expect: ${String(req.headers.expect)} is not supported; only 100-continue is.`,
    ),
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Timeouts, resets and TLS failures: the client is gone, idle or not speaking TLS — there is
    // nobody to answer (an HTTP answer on a socket whose handshake never finished waits forever).
    if (
      !socket.writable ||
      err.code === 'ECONNRESET' ||
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ||
      isTlsError(err.code)
    ) {
      socket.destroy();
      return;
    }
    rawJsonAnswer(socket, err.code);
  });
  return server;
}

export interface Listening {
  server: http.Server;
  /** A URL that reaches the server from this machine: `https://` when it serves TLS. */
  url: string;
  /** True when bound to every interface (0.0.0.0 or ::); `url` then names 127.0.0.1. */
  allInterfaces: boolean;
}

/**
 * Listens on host:port; HTTPS with `tls` (by default, the files the app's --tls-cert/--tls-key
 * name). Rejects with a one-line message when the certificate or key cannot be used.
 */
export async function listen(
  app: MockApp,
  port: number,
  host: string,
  tls: TlsMaterial | undefined = loadTls(app.mock.options),
): Promise<Listening> {
  const server = createMockServer(app, tls);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { address, port: actual } = server.address() as AddressInfo;
      // A socket on every interface has no address to connect to: loopback reaches it.
      const allInterfaces = address === '0.0.0.0' || address === '::';
      const reachable = allInterfaces ? '127.0.0.1' : address;
      const shown = reachable.includes(':') ? `[${reachable}]` : reachable;
      resolve({ server, url: `${tls ? 'https' : 'http'}://${shown}:${actual}`, allInterfaces });
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
