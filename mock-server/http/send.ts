// Every answer with a body goes out through here as JSON, so no route can answer HTML or an empty
// error; registry answers also carry their stable reason code in TGA-Mock-Reason.
import type { Response } from 'express';
import { answerFor, type Reason } from '../core/answers';
import { jsonOf } from '../core/jsonText';

export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // Written directly rather than through Express's res.json: that path (content-type negotiation,
  // charset handling, send()'s freshness checks) was the largest single cost of a 201 in profiles,
  // and none of it applies to a fixed JSON answer.
  const { text, length } = jsonOf(body);
  res.statusCode = status;
  for (const k in headers) res.setHeader(k, headers[k]);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', length);
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** A registry answer, optionally with a more precise message (mock-only reasons only). */
export function sendReason(res: Response, reason: Reason, message?: string): void {
  const entry = answerFor(reason);
  const body = message === undefined || entry.documented ? entry.body : { message };
  sendJson(res, entry.status, body, { 'TGA-Mock-Reason': reason });
}
