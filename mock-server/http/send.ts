// Every answer with a body goes out through here as JSON, so no route can answer HTML or an empty
// error; registry answers also carry their stable reason code in TGA-Mock-Reason.
import type { Response } from 'express';
import { errorFor, type Reason } from '../core/errors';

export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(body);
}

/** A registry answer, optionally with a more precise message (mock-only reasons only). */
export function sendReason(res: Response, reason: Reason, message?: string): void {
  const entry = errorFor(reason);
  const body = message === undefined || entry.documented ? entry.body : { message };
  sendJson(res, entry.status, body, { 'TGA-Mock-Reason': reason });
}
