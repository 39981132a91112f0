// CORS for /events and /events/threshold. The official SDK runs in a browser on the app's own
// domain, so its requests are cross-origin: the preflight answers 204 for ANY origin (the domain
// rule is the POST's business, step 3), and every actual answer — 403 and 429 included — lets
// the page read the status, the body and the diagnostic headers.
import type { NextFunction, Request, Response } from 'express';

export const ALLOWED_HEADERS = 'TGA-Auth-Token, Content-Type, Content-Encoding, Content';
export const EXPOSED_HEADERS =
  'TGA-Mock-Reason, TGA-Mock-Detail, TGA-Mock-Violations, TGA-Mock-Request-Id, Retry-After';

export function cors(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  if (req.method !== 'OPTIONS') {
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    next();
    return;
  }
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  res.status(204).end();
}
