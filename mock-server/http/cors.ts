// CORS on the 404 of a method the SDK's paths do not serve; the headers themselves are
// core/cors.ts, and the SDK's routes get theirs from core/frame.ts.
import type { NextFunction, Request, Response } from 'express';
import { corsHeaderList } from '../core/cors';
import { LIVE_ALLOW_ORIGIN } from '../core/liveAnswers';

export function cors(req: Request, res: Response, next: NextFunction): void {
  const list = corsHeaderList(req.headers.origin);
  for (let i = 0; i < list.length; i += 2) res.setHeader(list[i], list[i + 1]);
  next();
}

/** The same under --answers live: the live service's `*` whatever the origin. */
export function liveCors(_req: Request, res: Response, next: NextFunction): void {
  const list = corsHeaderList(LIVE_ALLOW_ORIGIN);
  for (let i = 0; i < list.length; i += 2) res.setHeader(list[i], list[i + 1]);
  next();
}
