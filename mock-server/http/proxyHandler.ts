// --upstream URL: the SDK's routes (core/sdkRoutes.ts) as a validating proxy. Each request goes to
// the upstream (http/upstream.ts) and its answer comes back unchanged — status, headers, bytes — with
// three headers added: TGA-Mock-Request-Id, TGA-Mock-Violations when the request breaks the schema
// (checked as the mock checks it), and TGA-Mock-Upstream-Deviation when the answer is neither a
// documented nor an observed one (core/upstreamCheck.ts). The request log entry of each POST holds
// the upstream's answer; events the upstream acknowledged with a 2xx (and that validate) are
// journaled. The token's signature is redacted from everything kept: the log's request headers (as
// always) and any echo of the token in the upstream's answer.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import type { TgaEvent } from '../../schema';
import { decodeToken, redactToken } from '../../schema/token';
import { answerFor, type MockReason } from '../core/answers';
import { readBuffer, type ReadBody } from '../core/body';
import { corsHeaderList } from '../core/cors';
import { jsonOf } from '../core/jsonText';
import { writeRequestLine } from '../core/requestLine';
import type { Runtime } from '../core/runtime';
import type { SdkRoute } from '../core/sdkRoutes';
import { checkUpstreamAnswer, type UpstreamVerdict } from '../core/upstreamCheck';
import { headerText, violationsHeader, violationsOf, type Violation } from '../core/violations';
import { collect } from './readBody';
import type { SdkHandler } from './sdkHandler';
import { lingeringClose } from './sdkHandler';
import { forward, UPSTREAM_ANSWER_MAX_BYTES } from './upstream';

// Hop-by-hop headers of the upstream's answer are the upstream connection's, not the client's.
const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
]);

const DEVIATION_HEADER_MAX = 1024;

interface Sent {
  status: number;
  headers: string[];
  body: Buffer;
}

/** What of the exchange the request log keeps: the request, what the client got, the upstream's answer. */
interface Logged {
  route: SdkRoute;
  requestId: string;
  started: number;
  path: string;
  req: IncomingMessage;
  read?: ReadBody;
  reason: string;
  appName?: string;
  sent: Sent;
  upstream?: { status: number; headers: Record<string, string>; body: unknown };
  /** The answer's headers as the log keeps them (an echoed token redacted); default: as sent. */
  loggedHeaders?: Record<string, string>;
}

const pairs = (list: readonly string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = list[i].toLowerCase();
    out[name] = name in out ? `${out[name]}, ${list[i + 1]}` : list[i + 1];
  }
  return out;
};

/** The answer's body decoded for the check only (what the client gets stays the upstream's bytes). */
function textOf(body: Buffer, encoding: string | undefined): string {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  const opts = { maxOutputLength: UPSTREAM_ANSWER_MAX_BYTES };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.gunzipSync(body, opts).toString('utf8');
    if (coding === 'deflate') return zlib.inflateSync(body, opts).toString('utf8');
    if (coding === 'br') return zlib.brotliDecompressSync(body, opts).toString('utf8');
  } catch {
    return `(a ${coding} body that does not decode)`;
  }
  return body.toString('utf8');
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * The request checked as the mock checks its body (step 5; the token is the upstream's business):
 * its violations, or the events it holds.
 */
function check(
  rt: Runtime,
  route: SdkRoute,
  read: ReadBody,
): { violations: Violation[]; events?: TgaEvent[] } {
  if (!read.outcome.ok) return { violations: [read.outcome.violation] };
  const deps = route.serves === 'fingerprint' ? rt.fingerprintDeps : rt.decisionDeps;
  const result = deps.validator.validate(read.outcome.value);
  if (result.ok) return { violations: [], events: result.events };
  return { violations: violationsOf(result.errors) };
}

export function proxyHandler(rt: Runtime): SdkHandler {
  const base = new URL(rt.options.upstream!);
  const { bodyLimit: limit, upstreamTimeout } = rt.options;
  const logs = rt.logger.isLevelEnabled('info');

  /** A registry answer of the proxy's own (413, 502, 504), readable by the page. */
  function ownAnswer(
    reason: MockReason,
    origin: string | undefined,
    requestId: string,
    detail: string,
    extra: string[] = [],
  ): Sent {
    const { status, body } = answerFor(reason);
    const json = jsonOf(body);
    const headers = corsHeaderList(origin);
    headers.push(
      'TGA-Mock-Request-Id',
      requestId,
      'TGA-Mock-Reason',
      reason,
      'TGA-Mock-Detail',
      headerText(detail),
    );
    headers.push(
      'Content-Type',
      'application/json; charset=utf-8',
      'Content-Length',
      String(json.length),
      ...extra,
    );
    return { status, headers, body: Buffer.from(json.text) };
  }

  function settle(logged: Logged, delivered: boolean): void {
    const { req, read, sent } = logged;
    if (logs)
      writeRequestLine(rt.logger, rt.now, {
        requestId: logged.requestId,
        method: req.method,
        path: logged.path,
        status: delivered ? sent.status : undefined,
        reason: logged.reason,
        appName: logged.appName,
        started: logged.started,
        upstream: base.origin,
      });
    if (logged.route.serves !== 'event' && logged.route.serves !== 'fingerprint') return;
    rt.journal.logRequest({
      received_at: new Date(logged.started).toISOString(),
      request_id: logged.requestId,
      method: req.method ?? logged.route.method,
      path: logged.path,
      app_name: logged.appName,
      status: sent.status,
      reason: logged.reason,
      delivered,
      rawHeaders: req.rawHeaders,
      bodyBytes: read?.bytes,
      ...(read?.size === undefined ? {} : { body_bytes: read.size }),
      ...(read?.note === undefined ? {} : { body_note: read.note }),
      response: {
        status: sent.status,
        headers: logged.loggedHeaders ?? pairs(sent.headers),
        body: logged.upstream?.body ?? parse(sent.body.toString('utf8')),
      },
      ...(logged.upstream ? { upstream: logged.upstream } : {}),
      duration_ms: rt.now() - logged.started,
    });
  }

  function write(res: ServerResponse, logged: Logged, cutOff = false): void {
    res.once('close', () => settle(logged, res.writableFinished));
    if (cutOff) lingeringClose(logged.req);
    res.writeHead(logged.sent.status, logged.sent.headers);
    res.end(logged.sent.body);
  }

  async function proxy(route: SdkRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = rt.now();
    const url = req.url ?? route.path;
    const q = url.indexOf('?');
    // The route's own path (and the query) is what the upstream is asked, whatever the request line said.
    const target = q === -1 ? route.path : route.path + url.slice(q);
    const path = q === -1 ? url : url.slice(0, q);
    const origin = req.headers.origin;
    const token = req.headers['tga-auth-token'];
    const claims = typeof token === 'string' ? decodeToken(token) : undefined;
    let appName = claims?.ok ? claims.token.claims.app_name : undefined;
    const logged = { route, requestId, started, path, req, appName };
    let raw: Buffer | undefined;
    let read: ReadBody | undefined;
    if (route.method === 'POST') {
      const got = await collect(req, limit);
      if (got === 'aborted') return; // nobody to answer
      if (!Buffer.isBuffer(got)) {
        // Not kept, so not forwardable: the mock's own 413.
        const detail = `the proxy forwards bodies of at most ${limit} bytes (--body-limit)`;
        const sent = ownAnswer(
          'PAYLOAD_TOO_LARGE',
          origin,
          requestId,
          detail,
          got.complete ? [] : ['Connection', 'close'],
        );
        return write(res, { ...logged, reason: 'PAYLOAD_TOO_LARGE', sent }, !got.complete);
      }
      raw = got;
      const h = req.headers;
      read = await readBuffer(
        raw,
        { contentEncoding: h['content-encoding'], contentType: h['content-type'] },
        limit,
        true,
      );
    } else req.resume();
    const { violations, events } = read ? check(rt, route, read) : { violations: [], events: undefined };
    const extra = violations.length > 0 ? ['TGA-Mock-Violations', violationsHeader(violations)] : [];
    const forwarded = await forward(
      base,
      { method: req.method ?? route.method, url: target, rawHeaders: req.rawHeaders, body: raw },
      upstreamTimeout,
    );
    if (!forwarded.ok) {
      const sent = ownAnswer(forwarded.reason, origin, requestId, forwarded.detail, extra);
      return write(res, { ...logged, read, reason: forwarded.reason, sent });
    }
    const { reply } = forwarded;
    // The token, should the upstream echo it, is kept only redacted.
    const redact = (text: string) =>
      typeof token === 'string' && token !== '' ? text.split(token).join(redactToken(token)) : text;
    const redactAll = (record: Record<string, string>) =>
      Object.fromEntries(Object.entries(record).map(([k, v]) => [k, redact(v)]));
    const replyHeaders = pairs(reply.rawHeaders);
    const text = redact(textOf(reply.body, replyHeaders['content-encoding']));
    const body = parse(text);
    const verdict: UpstreamVerdict = checkUpstreamAnswer(
      route,
      { origin, requestedHeaders: req.headers['access-control-request-headers'] },
      { status: reply.status, headers: replyHeaders, body, text },
    );
    const headers: string[] = [];
    for (let i = 0; i + 1 < reply.rawHeaders.length; i += 2)
      if (!NOT_RETURNED.has(reply.rawHeaders[i].toLowerCase()))
        headers.push(reply.rawHeaders[i], reply.rawHeaders[i + 1]);
    headers.push('Content-Length', String(reply.body.length), 'TGA-Mock-Request-Id', requestId, ...extra);
    if (verdict.deviations.length > 0)
      headers.push(
        'TGA-Mock-Upstream-Deviation',
        headerText(verdict.deviations.join('; '), DEVIATION_HEADER_MAX),
      );
    // Acknowledged by the upstream: journaled, as the mock journals what it records itself.
    const acknowledged = reply.status >= 200 && reply.status <= 299;
    if (acknowledged && events !== undefined) {
      appName ??= String(events[0].app_name);
      rt.journal.record({
        requestId,
        appName,
        events,
        raw: read?.bytes,
        receivedAt: new Date(started).toISOString(),
        kind: route.serves === 'fingerprint' ? 'fingerprint' : 'event',
      });
    }
    const upstream = {
      status: reply.status,
      headers: redactAll(replyHeaders),
      body: body === undefined ? text : body,
    };
    write(res, {
      ...logged,
      appName,
      read,
      reason: verdict.reason,
      sent: { status: reply.status, headers, body: reply.body },
      upstream,
      loggedHeaders: redactAll(pairs(headers)),
    });
  }

  return (route, req, res) =>
    void proxy(route, req, res).catch((err: unknown) => {
      rt.logger.error({ err }, 'unexpected error in the upstream proxy');
      res.destroy();
    });
}
