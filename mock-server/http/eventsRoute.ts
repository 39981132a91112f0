// POST /events over HTTP: read the body from the socket (bounded), then the transport-free exchange
// (core/exchange.ts) decides; this shell answers, and once Node says whether the answer reached
// the socket or not, the exchange records and logs. A client that never got its 201 — it went
// away, or its connection was ended under it — has nothing recorded.
//
// It works on Node's own request and response, not Express's: the mock's server hands POST /events
// straight to it (the SDK's hot path skips the router), and the Express app routes to the same
// function, so supertest and a listening mock behave alike. It does its own request id, CORS
// headers and request line, and writes each answer with one writeHead.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { answerFor } from '../core/answers';
import { corsHeaderList } from '../core/cors';
import { prepareAnswer, settleExchange, type ExchangeRequest } from '../core/exchange';
import type { EntryKind } from '../core/journal';
import type { Runtime } from '../core/runtime';
import { checkToken } from '../core/tokenSignature';
import { readBody } from './readBody';
import { jsonOf } from './send';

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** One JSON answer, every header in one writeHead (no per-header bookkeeping). */
function answer(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  origin: string | undefined,
  headers: Record<string, string>,
): void {
  const { text, length } = jsonOf(body);
  const list = corsHeaderList(origin);
  list.push('TGA-Mock-Request-Id', requestId);
  for (const k in headers) list.push(k, headers[k]);
  list.push('Content-Type', JSON_TYPE, 'Content-Length', String(length));
  res.writeHead(status, list);
  res.end(text);
}

/** How long a connection cut off after an oversized upload is drained before it is closed. */
export const LINGER_MS = 1000;

/**
 * After an upload cut off at the discard bound, the answer says `Connection: close`, and Node
 * closes the socket once it is written. Closing a socket the client is still sending on makes the
 * kernel reset the connection, and a reset can throw away the answer before the client reads it.
 * So this connection closes the way web servers "linger": send our FIN, keep reading and dropping
 * what still arrives (nothing is kept), and close for good after LINGER_MS or when the client does.
 */
function lingeringClose(req: IncomingMessage): void {
  const socket = req.socket;
  req.resume(); // the rest of the upload flows and is dropped: no 'data' listener keeps it
  socket.destroySoon = function destroyAfterLinger(this: typeof socket) {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
  };
}

export type EventsHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** POST /events, or with `kind` 'fingerprint' POST /events/fingerprint (same rules, another body schema). */
export function eventsHandler(rt: Runtime, logger: Logger, kind: EntryKind = 'event'): EventsHandler {
  const { secret } = rt.decisionDeps;
  const limit = rt.options.bodyLimit;
  const logs = logger.isLevelEnabled('info');

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const started = rt.now();
    const token = header(req, 'tga-auth-token');
    const origin = header(req, 'origin');
    // No work before the token: steps 1-2 come first, so a body is decompressed and parsed only
    // for a token that verifies (checkToken is memoised: the decision's own check costs nothing).
    const read = await readBody(req, limit, checkToken(token, secret).ok);
    if (read === 'aborted') return; // the client went away; nobody to answer
    const url = req.url ?? '/events';
    const query = url.indexOf('?');
    const exchange: ExchangeRequest = {
      kind,
      requestId,
      started,
      method: req.method ?? 'POST',
      path: query === -1 ? url : url.slice(0, query),
      token,
      origin,
      referer: header(req, 'referer'),
      rawHeaders: req.rawHeaders,
      read,
    };
    const prepared = prepareAnswer(rt, exchange);
    const { decision } = prepared;
    // 'close' follows 'finish' for an answer that was written out, and comes alone for one that was
    // not (the socket went first, or a reset fault destroyed it): writableFinished tells them apart.
    res.once('close', () => {
      const delivered = !decision.reset && res.writableFinished;
      settleExchange(rt, exchange, prepared, delivered);
      // One line per request; the token (and its signature) is never part of it, only its app name.
      if (logs)
        logger.info({
          request_id: requestId,
          method: exchange.method,
          path: exchange.path,
          status: delivered ? decision.status : 'no answer',
          reason: decision.reset ? 'RESET' : decision.reason,
          app_name: decision.appName,
          ms: rt.now() - started,
        });
    });
    if (decision.delayMs) await sleep(decision.delayMs);
    if (decision.reset) return void req.socket.destroy();
    if (read.cutOff) lingeringClose(req);
    answer(res, decision.status, decision.body, requestId, origin, prepared.headers);
  }

  return (req, res) => {
    const requestId = randomUUID();
    handle(req, res, requestId).catch((err: unknown) => {
      logger.error({ err, request_id: requestId }, 'unexpected error');
      if (res.headersSent) return void res.destroy();
      const { status, body } = answerFor('INTERNAL_ERROR');
      answer(res, status, body, requestId, header(req, 'origin'), { 'TGA-Mock-Reason': 'INTERNAL_ERROR' });
    });
  };
}
