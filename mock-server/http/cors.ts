// CORS for /events and /events/threshold over HTTP; the headers themselves are core/cors.ts.
import type { NextFunction, Request, Response } from 'express';
import { corsHeaders, preflightHeaders } from '../core/cors';

export { ALLOWED_HEADERS, EXPOSED_HEADERS } from '../core/cors';

export function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (req.method !== 'OPTIONS') {
    const headers = corsHeaders(origin);
    for (const k in headers) res.setHeader(k, headers[k]);
    next();
    return;
  }
  const headers = preflightHeaders(origin);
  for (const k in headers) res.setHeader(k, headers[k]);
  res.status(204).end();
}
