// The first thing every /__mock request meets: the cross-site rules of core/controlAccess (Host,
// Origin and Sec-Fetch-Site, a JSON Content-Type on state changes), answered in JSON from the
// registry. Only /__mock pays for it; POST /events keeps its open CORS and never comes here.
import type { NextFunction, Request, Response } from 'express';
import { refuseControlRequest, type HostPolicy } from '../core/controlAccess';
import { sendReason } from './send';

/**
 * On every /__mock answer, refusals included: the inspector may not be framed (a framed "Clear
 * journal" is one click from a wiped journal) and nothing is content-sniffed.
 */
export const CONTROL_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
});

export function setSecurityHeaders(res: Response): void {
  for (const name in CONTROL_SECURITY_HEADERS) res.setHeader(name, CONTROL_SECURITY_HEADERS[name]);
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function controlGate(policy: HostPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    setSecurityHeaders(res);
    const h = req.headers;
    const refusal = refuseControlRequest(
      {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        host: h.host,
        origin: h.origin,
        contentType: h['content-type'],
        secFetchSite: one(h['sec-fetch-site']),
        secFetchMode: one(h['sec-fetch-mode']),
        secFetchDest: one(h['sec-fetch-dest']),
      },
      policy,
    );
    if (refusal === undefined) return next();
    // An unread body is discarded by Node after the answer (control bodies are small).
    sendReason(res, refusal.reason, refusal.message);
  };
}
