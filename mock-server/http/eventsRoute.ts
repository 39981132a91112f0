// POST /events over HTTP: read the body from the socket (bounded), then the transport-free exchange
// (core/exchange.ts) decides; this shell answers, and once Node says whether the answer reached
// the socket ('finish') or not ('close' first), the exchange records and logs. A client that never
// got its 201 — it went away, or its connection was ended under it — has nothing recorded.
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactToken } from '../../schema/token';
import { prepareAnswer, settleExchange, type ExchangeRequest } from '../core/exchange';
import type { Runtime } from '../core/runtime';
import { checkToken } from '../core/tokenSignature';
import { readBody } from './readBody';
import { sendJson } from './send';

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The request's headers for the log: a plain copy, the token's signature redacted. */
export function loggedHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = name === 'tga-auth-token' ? redactToken(rawHeaders[i + 1]) : rawHeaders[i + 1];
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

export function eventsRoute(rt: Runtime) {
  const { secret } = rt.decisionDeps;
  const limit = rt.options.bodyLimit;
  return async (req: Request, res: Response): Promise<void> => {
    const started = rt.now();
    const token = header(req, 'tga-auth-token');
    // No work before the token: steps 1-2 come first, so a body is decompressed and parsed only
    // for a token that verifies (checkToken is memoised: the decision's own check costs nothing).
    const read = await readBody(req, limit, checkToken(token, secret).ok);
    if (read === 'aborted') return; // the client went away; nobody to answer
    const exchange: ExchangeRequest = {
      requestId: String(res.locals.requestId),
      started,
      method: req.method,
      path: req.path,
      token,
      origin: header(req, 'origin'),
      referer: header(req, 'referer'),
      loggedHeaders: () => loggedHeaders(req.rawHeaders),
      read,
    };
    const prepared = prepareAnswer(rt, exchange);
    const { decision } = prepared;
    res.locals.reason = decision.reason;
    res.locals.appName = decision.appName;

    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      settleExchange(rt, exchange, prepared, !decision.reset && res.writableFinished);
    };
    res.once('finish', settle);
    res.once('close', settle);

    if (decision.delayMs) await sleep(decision.delayMs);
    if (decision.reset) {
      req.socket.destroy();
      settle();
      return;
    }
    sendJson(res, decision.status, decision.body, prepared.headers);
  };
}
