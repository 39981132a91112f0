// One frame for every shell: a request to one of the SDK's routes (core/sdkRoutes.ts), described
// without a transport (method, URL, raw headers, and a source the shell's transport reads headers
// and body from), goes in; the complete answer comes out — status, JSON text, every header (CORS,
// TGA-Mock-Request-Id, content type and length, the decision's reason, detail and violations,
// Connection: close after a cut-off upload) — with what only the shell can do: wait `delayMs`,
// then write it, or drop the connection (`drop`, a reset fault). Once the shell knows whether the
// answer reached the client, `settle` records the batch and writes the request line.
//
// The HTTP shell (http/sdkHandler.ts) and the MSW handlers (msw/) each give a transport; nothing
// else about a request differs between them, so both give the same answer and journal.
import { randomUUID } from 'node:crypto';
import { answerFor, type Reason } from './answers';
import type { ReadBody } from './body';
import { corsHeaderList, preflightHeaderList } from './cors';
import { prepareAnswer, settleExchange, type ExchangeRequest, type PreparedAnswer } from './exchange';
import { jsonOf } from './jsonText';
import { liveAnswer, LIVE_ALLOW_ORIGIN } from './liveAnswers';
import { writeRequestLine } from './requestLine';
import type { Runtime } from './runtime';
import { allowedMethods, type SdkRoute } from './sdkRoutes';
import { checkToken } from './tokenSignature';

/** What a shell's transport does for the frame; `source` is whatever it reads a request from. */
export interface SdkTransport<S> {
  /** A request header by its lower-case name, repeated headers combined as the transport does. */
  header(source: S, name: string): string | undefined;
  /**
   * The body as step 5 sees it, bounded by `limit`; `decode` false (the token was refused) keeps
   * the raw bytes only. 'aborted': the client went away while sending. 'unreadable': the body
   * could not be read (an in-process stream that failed), answered as HTTP answers broken framing.
   */
  readBody(source: S, limit: number, decode: boolean): Promise<ReadBody | 'aborted' | 'unreadable'>;
}

export interface SdkAnswer<S> {
  /** The request's source, handed back so a shell needs no per-request closure to answer it. */
  readonly source: S;
  readonly status: number;
  /** The body's JSON text; undefined for the 204 of a preflight. */
  readonly text: string | undefined;
  /** Every header of the answer, as name, value, name, value… (one writeHead). */
  readonly headers: string[];
  /** A latency fault: wait this long before answering. */
  readonly delayMs: number | undefined;
  /** A reset fault: drop the connection instead of answering. */
  readonly drop: boolean;
  /** The upload was not read to its end: the answer says Connection: close. */
  readonly cutOff: boolean;
  readonly requestId: string;
  readonly started: number;
  readonly method: string;
  readonly path: string;
  /** For the request line: the decision's reason, RESET for a dropped connection. */
  readonly reason: Reason | 'RESET' | undefined;
  readonly appName: string | undefined;
  /** A POST exchange's request and decision, recorded by `settle`. */
  readonly exchange: ExchangeRequest | undefined;
  readonly prepared: PreparedAnswer | undefined;
}

export interface Frame<S> {
  /** The complete answer to one request on `route`; undefined when the client went away while sending. */
  answer(
    route: SdkRoute,
    source: S,
    method: string,
    url: string,
    rawHeaders: readonly string[],
  ): Promise<SdkAnswer<S> | undefined>;
  /**
   * After the answer: record the batch if its 201 reached the client (`reached`; a dropped answer
   * never does), and write the request line.
   */
  settle(answer: SdkAnswer<S>, reached: boolean): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Who asked: the facts every answer carries besides its own. */
interface Asked<S> {
  source: S;
  requestId: string;
  started: number;
  method: string;
  path: string;
}

/** An answer that is not an exchange's (preflight, threshold, an internal error): JSON unless 204. */
function plain<S>(
  asked: Asked<S>,
  status: number,
  body: unknown,
  headers: string[],
  reason?: Reason,
): SdkAnswer<S> {
  let text: string | undefined;
  if (body !== undefined) {
    const json = jsonOf(body);
    text = json.text;
    headers.push('Content-Type', JSON_TYPE, 'Content-Length', String(json.length));
  }
  return {
    source: asked.source,
    status,
    text,
    headers,
    delayMs: undefined,
    drop: false,
    cutOff: false,
    requestId: asked.requestId,
    started: asked.started,
    method: asked.method,
    path: asked.path,
    reason,
    appName: undefined,
    exchange: undefined,
    prepared: undefined,
  };
}

/** A registry answer of the frame's own (405, the 400 of an unreadable body, 500), its reason named. */
function refusal<S>(asked: Asked<S>, headers: string[], reason: Reason): SdkAnswer<S> {
  const { status, body } = answerFor(reason);
  headers.push('TGA-Mock-Reason', reason);
  return plain(asked, status, body, headers, reason);
}

/** The CORS headers of an actual answer, then its request id. */
function actualHeaders(origin: string | undefined, requestId: string): string[] {
  const list = corsHeaderList(origin);
  list.push('TGA-Mock-Request-Id', requestId);
  return list;
}

export function createFrame<S>(rt: Runtime, transport: SdkTransport<S>): Frame<S> {
  const { secret } = rt.decisionDeps;
  const limit = rt.options.bodyLimit;
  // When the level is off, no line is built at all.
  const logs = rt.logger.isLevelEnabled('info');
  // --answers, decided once: the docs mode's path only tests this flag.
  const live = rt.options.answers === 'live';

  async function answer(
    route: SdkRoute,
    source: S,
    method: string,
    url: string,
    rawHeaders: readonly string[],
  ): Promise<SdkAnswer<S> | undefined> {
    const requestId = randomUUID();
    const started = rt.now();
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const origin = transport.header(source, 'origin');
    // What Access-Control-Allow-Origin says: the page's origin, or the live service's `*`.
    const allowOrigin = live ? LIVE_ALLOW_ORIGIN : origin;
    const asked: Asked<S> = { source, requestId, started, method, path };
    try {
      if (route.serves === 'preflight')
        return plain(asked, 204, undefined, [
          ...preflightHeaderList(allowOrigin),
          'TGA-Mock-Request-Id',
          requestId,
        ]);
      const headers = actualHeaders(allowOrigin, requestId);
      if (route.serves === 'not-allowed') {
        headers.push('Allow', allowedMethods(route.path) ?? '');
        return refusal(asked, headers, 'METHOD_NOT_ALLOWED');
      }
      if (route.serves === 'threshold') return plain(asked, 200, rt.options.threshold, headers);
      const token = transport.header(source, 'tga-auth-token');
      // No work before the token: steps 1-2 come first, so a body is decompressed and parsed only
      // for a token that verifies (checkToken is memoised: the decision's own check costs nothing).
      const read = await transport.readBody(source, limit, checkToken(token, secret).ok);
      if (read === 'aborted') return undefined; // nobody to answer
      // Over HTTP, Node answers a body it cannot parse 400 MALFORMED_REQUEST (http/server.ts).
      if (read === 'unreadable') return refusal(asked, headers, 'MALFORMED_REQUEST');
      const exchange: ExchangeRequest = {
        kind: route.serves,
        requestId,
        started,
        method,
        path,
        token,
        origin,
        referer: transport.header(source, 'referer'),
        rawHeaders,
        read,
      };
      let prepared = prepareAnswer(rt, exchange);
      // Only POST /events was observed live; /events/fingerprint keeps the mock's answers.
      if (live && route.serves === 'event')
        prepared = liveAnswer(prepared, read.outcome.ok && Array.isArray(read.outcome.value));
      const { decision } = prepared;
      for (const k in prepared.headers) headers.push(k, prepared.headers[k]);
      const { text, length } = jsonOf(decision.body);
      headers.push('Content-Type', JSON_TYPE, 'Content-Length', String(length));
      return {
        source,
        status: decision.status,
        text,
        headers,
        delayMs: decision.delayMs,
        drop: decision.reset === true,
        cutOff: read.cutOff === true,
        requestId,
        started,
        method,
        path,
        reason: decision.reset ? 'RESET' : decision.reason,
        appName: decision.appName,
        exchange,
        prepared,
      };
    } catch (err) {
      rt.logger.error({ err, request_id: requestId }, 'unexpected error');
      return refusal(asked, actualHeaders(allowOrigin, requestId), 'INTERNAL_ERROR');
    }
  }

  function settle(answer: SdkAnswer<S>, reached: boolean): void {
    const delivered = reached && !answer.drop;
    if (answer.exchange && answer.prepared) settleExchange(rt, answer.exchange, answer.prepared, delivered);
    if (logs)
      writeRequestLine(rt.logger, rt.now, {
        requestId: answer.requestId,
        method: answer.method,
        path: answer.path,
        status: delivered ? answer.status : undefined,
        reason: answer.reason,
        appName: answer.appName,
        started: answer.started,
      });
  }

  return { answer, settle };
}
