// Connections that never send a request, or never finish their TLS handshake, are closed within a
// stated bound (docs/limits-and-guarantees.md): otherwise enough of them use up the process's file
// descriptors and lock every client out. A short --request-timeout drives the bounds here. The
// handshake was the gap (its failure was answered in HTTP, on a socket that could never send it);
// the plain-HTTP and after-handshake cases are Node's headersTimeout, pinned here.
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { makeApp, GOOD_JSON, token } from '../test-support/fixtures';
import { selfSignedCertificate, type SelfSigned } from '../test-support/selfSigned';
import { HANDSHAKE_TIMEOUT_MS, listen, loadTls, serverTimeouts, shutdown, type Listening } from './server';
import type { MockApp } from './app';

const REQUEST_TIMEOUT = 300;
/** Generous: the bound is REQUEST_TIMEOUT (plus the connections check's interval), on a busy machine. */
const CLOSED_WITHIN = 3000;

let cert: SelfSigned;
beforeAll(() => {
  cert = selfSignedCertificate();
});
afterAll(() => cert.cleanup());

async function serve(overTls: boolean): Promise<{ app: MockApp; running: Listening; port: number }> {
  const app = makeApp({ requestTimeout: REQUEST_TIMEOUT });
  const material = overTls ? loadTls({ tlsCert: cert.cert, tlsKey: cert.key }) : undefined;
  const running = await listen(app, 0, '127.0.0.1', material);
  return { app, running, port: (running.server.address() as net.AddressInfo).port };
}

/** Every client socket a test opened: destroyed before the server is shut down, closed or not. */
const opened: net.Socket[] = [];
const connect = (port: number, onConnect?: () => void) => {
  const socket = net.connect(port, '127.0.0.1', onConnect);
  opened.push(socket);
  return socket;
};
async function stop(app: MockApp, running: Listening): Promise<void> {
  for (const s of opened.splice(0)) s.destroy();
  await shutdown(app, running.server);
}

/** Resolves with how long the socket stayed open, or 'open' if it still is after CLOSED_WITHIN. */
function closedAfter(socket: net.Socket, since: number): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), CLOSED_WITHIN);
    socket.on('error', () => {});
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - since);
    });
  });
}

/** A TLS ClientHello as Node's client sends it, captured off a plain TCP server. */
function clientHello(): Promise<Buffer> {
  return new Promise((resolve) => {
    const sink = net.createServer((s) =>
      s.once('data', (d: Buffer) => {
        resolve(d);
        s.destroy();
        sink.close();
      }),
    );
    sink.listen(0, '127.0.0.1', () => {
      const { port } = sink.address() as net.AddressInfo;
      tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false }).on('error', () => {});
    });
  });
}

test('the timeouts are all set and bounded, also with --request-timeout 0', () => {
  for (const requestTimeout of [0, 300, 30_000, 600_000]) {
    const t = serverTimeouts(requestTimeout);
    expect(t.requestTimeout).toBe(requestTimeout);
    for (const v of [t.headersTimeout, t.keepAliveTimeout, t.handshakeTimeout, t.connectionsCheckingInterval])
      expect(v > 0 && v <= 60_000).toBe(true);
    expect(t.handshakeTimeout).toBeLessThanOrEqual(HANDSHAKE_TIMEOUT_MS);
    if (requestTimeout > 0) expect(t.headersTimeout).toBeLessThanOrEqual(requestTimeout);
  }
});

test('HTTPS: connections that never finish the TLS handshake are closed within the bound', async () => {
  const { app, running, port } = await serve(true);
  try {
    const hello = await clientHello();
    const since = Date.now();
    // Silent ones, one that sends half a ClientHello, one that drips it a byte at a time, and one
    // speaking plain HTTP to the TLS port (a handshake that fails at once).
    const silent = Array.from({ length: 20 }, () => connect(port));
    const plain = connect(port, () => plain.write('GET /events/threshold HTTP/1.1\r\nHost: x\r\n\r\n'));
    const half = connect(port, () => half.write(hello.subarray(0, hello.length >> 1)));
    const drip = connect(port);
    let at = 0;
    const dripping = setInterval(
      () => drip.writable && at < hello.length - 1 && drip.write(hello.subarray(at, ++at)),
      50,
    );
    const closed = await Promise.all([...silent, half, drip, plain].map((s) => closedAfter(s, since)));
    clearInterval(dripping);
    expect(closed.filter((c) => c === 'open')).toEqual([]);
    // …and a client that does finish its handshake is answered as before.
    const status = await new Promise<number>((resolve, reject) =>
      https
        .get(`${running.url}/events/threshold`, { ca: readFileSync(cert.cert) }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        })
        .on('error', reject),
    );
    expect(status).toBe(200);
  } finally {
    await stop(app, running);
  }
});

test('HTTPS: a connection that finishes its handshake and then sends nothing is closed', async () => {
  const { app, running, port } = await serve(true);
  try {
    const socket = tls.connect({
      port,
      host: '127.0.0.1',
      ca: readFileSync(cert.cert),
      servername: 'localhost',
    });
    opened.push(socket);
    await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
    expect(await closedAfter(socket, Date.now())).not.toBe('open');
  } finally {
    await stop(app, running);
  }
});

test('HTTP: connections that never send a byte are closed within the bound; busy ones are not', async () => {
  const { app, running, port } = await serve(false);
  try {
    const since = Date.now();
    const silent = Array.from({ length: 20 }, () => connect(port));
    // A client that sent its request and waits for a slow answer (a latency fault) keeps its socket.
    app.mock.faults.arm({ kind: 'latency', ms: REQUEST_TIMEOUT * 2 });
    const answered = fetch(`${running.url}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'TGA-Auth-Token': token() },
      body: GOOD_JSON,
    });
    const closed = await Promise.all(silent.map((s) => closedAfter(s, since)));
    expect(closed.filter((c) => c === 'open')).toEqual([]);
    expect((await answered).status).toBe(201);
  } finally {
    await stop(app, running);
  }
});
