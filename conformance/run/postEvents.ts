// One POST /events as a check describes it (PostSpec), turned into bytes on the wire and back
// into a recorded Exchange. Defaults are the run's: its token, its Origin, a JSON content type.
import { gzipSync } from 'node:zlib';
import { AUTH_TOKEN } from '../../schema/headers';
import { redactToken } from '../../schema/token';
import { exchangeOver, PREVIEW } from './responseReader';
import type { Exchange, ServerUnderTest } from './types';

export interface PostSpec {
  label: string;
  /** A JSON value, serialised (and gzipped with `gzip`). */
  body?: unknown;
  /** Sent byte for byte instead of `body`. */
  rawBody?: string;
  /** The token header; null sends none. Default: the run's token. */
  token?: string | null;
  /** How the token is described in reports when it is a derived variant. */
  tokenLabel?: string;
  /** Origin header; null sends none. Default: the run's origin. */
  origin?: string | null;
  gzip?: boolean;
  headers?: Record<string, string>;
}

/** Events a body holds, as counted against the write budget (a raw, non-JSON body holds none). */
export function countEvents(spec: PostSpec): number {
  if (spec.rawBody !== undefined) return 0;
  if (Array.isArray(spec.body)) return spec.body.length;
  return spec.body !== null && typeof spec.body === 'object' ? 1 : 0;
}

function preview(json: string, gzip?: boolean): string {
  const text = json.length > PREVIEW ? `${json.slice(0, PREVIEW)}… (${json.length} chars)` : json;
  return gzip ? `gzip(${text})` : text;
}

/** Sends the request and fills `exchange` in place (so a timeout still leaves what was sent). */
export async function postEvents(server: ServerUnderTest, spec: PostSpec, exchange: Exchange): Promise<void> {
  const json = spec.rawBody ?? JSON.stringify(spec.body);
  const token = spec.token === undefined ? server.token : spec.token;
  const origin = spec.origin === undefined ? server.origin : spec.origin;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...spec.headers };
  if (token !== null) headers[AUTH_TOKEN.lower] = token;
  if (origin !== null) headers.origin = origin;
  if (spec.gzip) headers['content-encoding'] = 'gzip';
  const shown = {
    ...headers,
    ...(token !== null ? { [AUTH_TOKEN.lower]: spec.tokenLabel ?? redactToken(token) } : {}),
  };
  exchange.sent = {
    method: 'POST',
    path: '/events',
    headers: shown,
    body: preview(json, spec.gzip),
    events: countEvents(spec),
  };
  await exchangeOver(exchange, {
    method: 'POST',
    url: `${server.baseUrl}/events`,
    headers,
    body: spec.gzip ? gzipSync(json) : Buffer.from(json, 'utf8'),
    timeoutMs: server.timeoutMs,
  });
}
