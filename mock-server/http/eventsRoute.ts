// POST /events: read the body (bounded), run the ordered decision, record, log, answer. All the
// judgement is in core/decide; this only adapts Node's request and response to it.
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { decide, type DecisionDeps } from '../core/decide';
import type { Journal } from '../core/journal';
import { checkToken } from '../core/tokenSignature';
import { readBody } from './readBody';
import { sendJson } from './send';

const LOGGED_BODY_MAX = 16 * 1024;

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function forLog(text: string | undefined, parsed: unknown): unknown {
  if (text === undefined) return undefined;
  if (text.length <= LOGGED_BODY_MAX) return parsed ?? text;
  return `${text.slice(0, LOGGED_BODY_MAX)}… (${text.length} characters)`;
}

export function eventsRoute(deps: DecisionDeps, journal: Journal, bodyLimit: number, now: () => number) {
  return async (req: Request, res: Response): Promise<void> => {
    const started = now();
    const requestId = String(res.locals.requestId);
    const token = header(req, 'tga-auth-token');
    // No work before the token: steps 1-2 come first, so a body is decompressed and parsed only
    // for a token that verifies (checkToken is memoised: decide's own check below costs nothing).
    const read = await readBody(req, bodyLimit, checkToken(token, deps.secret).ok);
    if (read === 'aborted') return; // the client went away; nobody to answer
    const decision = decide(
      {
        token,
        origin: header(req, 'origin'),
        referer: header(req, 'referer'),
        body: read.outcome,
      },
      deps,
    );
    res.locals.reason = decision.reason;
    res.locals.appName = decision.appName;
    if (decision.events) journal.record(requestId, decision.appName!, decision.events);
    const headers: Record<string, string> = { ...decision.headers };
    // An oversized upload is read and dropped up to a bound, so the client gets its answer; one cut
    // off at the bound is not read further: close the connection after answering.
    if (read.cutOff) headers.Connection = 'close';
    journal.logRequest({
      received_at: new Date(started).toISOString(),
      request_id: requestId,
      method: req.method,
      path: req.path,
      app_name: decision.appName,
      status: decision.reset ? 0 : decision.status,
      reason: decision.reset ? 'RESET' : decision.reason,
      body: forLog(read.text, read.outcome.ok ? read.outcome.value : undefined),
      response: { status: decision.status, headers, body: decision.reset ? null : decision.body },
      duration_ms: now() - started,
    });
    if (decision.delayMs) await sleep(decision.delayMs);
    if (decision.reset) {
      req.socket.destroy();
      return;
    }
    sendJson(res, decision.status, decision.body, headers);
  };
}
