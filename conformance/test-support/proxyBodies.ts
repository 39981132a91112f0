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

export function mapEvents(req: ProxyRequest, fn: (e: Json) => Json): ProxyRequest {
  const body = bodyOf(req);
  if (body === undefined) return req;
  return withBody(req, Array.isArray(body) ? body.map((e) => fn(e as Json)) : fn(body as Json));
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
