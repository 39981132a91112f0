// The SDK's routes (core/sdkRoutes.ts) over HTTP: the transport of the one frame (core/frame.ts),
// on Node's own request and response. The mock's server hands these routes straight to it (the
// SDK's hot path skips Express's router), and the Express app routes to the same function, so
// supertest and a listening mock behave alike. This shell only reads the socket (bounded), writes
// the frame's answer with one writeHead (or drops the connection), and tells the frame whether the
// answer reached the socket: a client that never got its 201 — it went away, or its connection
// was ended under it — has nothing recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createFrame, type SdkAnswer, type SdkTransport } from '../core/frame';
import type { Runtime } from '../core/runtime';
import type { SdkRoute } from '../core/sdkRoutes';
import { readBody } from './readBody';

/** How long a connection cut off after an oversized upload is drained before it is closed. */
export const LINGER_MS = 1000;

/**
 * After an upload cut off at the discard bound, the answer says `Connection: close`, and Node
 * closes the socket once it is written. Closing a socket the client is still sending on makes the
 * kernel reset the connection, and a reset can throw away the answer before the client reads it.
 * So this connection closes the way web servers "linger": send our FIN, keep reading and dropping
 * what still arrives (nothing is kept), and close for good after LINGER_MS or when the client does.
 */
export function lingeringClose(req: IncomingMessage): void {
  const socket = req.socket;
  req.resume(); // the rest of the upload flows and is dropped: no 'data' listener keeps it
  socket.destroySoon = function destroyAfterLinger(this: typeof socket) {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
  };
}

/** The response is the source: `res.req` is its request, so the answer leads back to both. */
const NODE: SdkTransport<ServerResponse> = {
  header(res, name) {
    const v = res.req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  },
  readBody: (res, limit, decode) => readBody(res.req, limit, decode),
};

export type SdkHandler = (route: SdkRoute, req: IncomingMessage, res: ServerResponse) => void;

export function sdkHandler(rt: Runtime): SdkHandler {
  const frame = createFrame(rt, NODE);

  function write(answer: SdkAnswer<ServerResponse>): void {
    const res = answer.source;
    try {
      if (answer.drop) return void res.req.socket.destroy();
      if (answer.cutOff) lingeringClose(res.req);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.text);
    } catch (err) {
      rt.logger.error({ err, request_id: answer.requestId }, 'unexpected error');
      res.destroy();
    }
  }

  function deliver(answer: SdkAnswer<ServerResponse> | undefined): void {
    if (answer === undefined) return; // the client went away while sending
    const res = answer.source;
    // 'close' follows 'finish' for an answer that was written out, and comes alone for one that was
    // not (the socket went first, or a reset fault destroyed it): writableFinished tells them apart.
    res.once('close', () => frame.settle(answer, res.writableFinished));
    if (answer.delayMs) setTimeout(write, answer.delayMs, answer);
    else write(answer);
  }

  return (route, req, res) =>
    void frame
      .answer(route, res, req.method ?? route.method, req.url ?? route.path, req.rawHeaders)
      .then(deliver);
}
