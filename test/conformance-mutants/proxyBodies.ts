// Reading and rewriting POST /events bodies inside the mutant proxy: decode (gzip too), map the
// events, re-encode, or answer with a documented response straight from the contract's table.
import { gunzipSync } from 'node:zlib';
import { documentedResponse, type DocumentedReason } from '../../schema';
import type { ProxyRequest, ProxyResponse } from './mutantProxy';

export type Json = Record<string, unknown>;

export function bodyOf(req: ProxyRequest): unknown {
  try {
    const raw = req.headers['content-encoding'] === 'gzip' ? gunzipSync(req.body) : req.body;
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function eventsOf(req: ProxyRequest): Json[] {
  const body = bodyOf(req);
  if (Array.isArray(body)) return body as Json[];
  return body && typeof body === 'object' ? [body as Json] : [];
}

/** The request with a new JSON body (sent uncompressed). */
export function withBody(req: ProxyRequest, body: unknown): ProxyRequest {
  const { 'content-encoding': _gone, ...headers } = req.headers;
  return { ...req, headers, body: Buffer.from(JSON.stringify(body)) };
}

const isEvent = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies `fn` to every event object of the body; anything else passes through unchanged. */
export function mapEvents(req: ProxyRequest, fn: (e: Json) => Json): ProxyRequest {
  const body = bodyOf(req);
  if (Array.isArray(body))
    return withBody(
      req,
      body.map((e) => (isEvent(e) ? fn(e) : e)),
    );
  return isEvent(body) ? withBody(req, fn(body)) : req;
}

export function answer(reason: DocumentedReason): ProxyResponse {
  const doc = documentedResponse(reason);
  return {
    status: doc.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(doc.body)),
  };
}

export function replaceJson(res: ProxyResponse, from: unknown, to: unknown): ProxyResponse {
  return res.body.toString('utf8') === JSON.stringify(from)
    ? { ...res, body: Buffer.from(JSON.stringify(to)) }
    : res;
}
