// --upstream: one request forwarded to the upstream, its answer read back whole. Bounds: the answer
// is read into memory up to UPSTREAM_ANSWER_MAX_BYTES (past it the exchange is dropped: 502), and
// the whole exchange — connect, send, answer — gets --upstream-timeout ms (then 504). Only the
// configured base URL is ever asked: the path is the SDK route's, never a URL or Host the client
// chose. A fresh connection per request (agent: false), so nothing outlives the mock.
import http from 'node:http';
import https from 'node:https';

/** Bytes of an upstream's answer the proxy reads into memory; a larger answer is a 502. */
export const UPSTREAM_ANSWER_MAX_BYTES = 64 * 1024;

// Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the proxy sets itself are not forwarded.
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'host',
  'content-length',
  'accept-encoding',
]);

export interface UpstreamRequest {
  method: string;
  /** The path and query as received (an SDK route's path). */
  url: string;
  rawHeaders: readonly string[];
  /** The body as received, still encoded (POST only). */
  body?: Buffer;
}

export interface UpstreamReply {
  status: number;
  rawHeaders: string[];
  body: Buffer;
}

export type UpstreamFailure = 'UPSTREAM_UNREACHABLE' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_ANSWER_TOO_LARGE';

export type Forwarded =
  { ok: true; reply: UpstreamReply } | { ok: false; reason: UpstreamFailure; detail: string };

/** The request's headers as forwarded: hop-by-hop ones dropped, Host the upstream's, no compression asked. */
function forwardedHeaders(base: URL, request: UpstreamRequest): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2)
    if (!NOT_FORWARDED.has(request.rawHeaders[i].toLowerCase()))
      out.push(request.rawHeaders[i], request.rawHeaders[i + 1]);
  // An uncompressed answer is returned as it is and can be checked as it is.
  out.push('Host', base.host, 'Accept-Encoding', 'identity');
  if (request.body !== undefined) out.push('Content-Length', String(request.body.length));
  return out;
}

export function forward(base: URL, request: UpstreamRequest, timeoutMs: number): Promise<Forwarded> {
  const prefix = base.pathname.replace(/\/+$/, '');
  const client = base.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Forwarded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request({
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port === '' ? undefined : Number(base.port),
      method: request.method,
      path: prefix + request.url,
      headers: forwardedHeaders(base, request),
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({
        ok: false,
        reason: 'UPSTREAM_TIMEOUT',
        detail: `${base.origin} did not answer within ${timeoutMs} ms`,
      });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        reason: 'UPSTREAM_UNREACHABLE',
        detail: `${base.origin}: ${err.code ?? err.message}`,
      }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= UPSTREAM_ANSWER_MAX_BYTES) return void chunks.push(chunk);
        finish({
          ok: false,
          reason: 'UPSTREAM_ANSWER_TOO_LARGE',
          detail: `${base.origin} answered more than ${UPSTREAM_ANSWER_MAX_BYTES} bytes`,
        });
        req.destroy();
      });
      res.on('end', () =>
        finish({
          ok: true,
          reply: { status: res.statusCode ?? 502, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) },
        }),
      );
      res.on('close', () => {
        if (!res.complete)
          finish({
            ok: false,
            reason: 'UPSTREAM_UNREACHABLE',
            detail: `${base.origin}: the answer broke off`,
          });
      });
    });
    req.end(request.body);
  });
}
