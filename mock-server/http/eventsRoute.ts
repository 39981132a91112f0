// POST /events: read the body (bounded), run the ordered decision, answer, then record and log.
// All the judgement is in core/decide; this only adapts Node's request and response to it.
//
// An event is journaled only once its 201 was written to the client's socket: a client that went
// away, or whose connection was ended under it (a malformed request pipelined behind a valid one),
// never got its 201 and so nothing is recorded (the request log says `delivered: false`). With
// --journal-file-required the file is written before answering, so a failed write answers 500; a
// 201 that then cannot be delivered is marked `delivered: false` in the journal.
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactToken } from '../../schema/token';
import { answerFor } from '../core/answers';
import { decide, type Decision, type DecisionDeps } from '../core/decide';
import type { Journal } from '../core/journal';
import { checkToken } from '../core/tokenSignature';
import { headerText } from '../core/violations';
import { readBody } from './readBody';
import { sendJson } from './send';

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The request's headers for the log: a plain copy, the token's signature redacted. */
export function loggedHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = name === 'tga-auth-token' ? redactToken(raw[i + 1]) : raw[i + 1];
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

function journalFailure(decision: Decision, error: string): Decision {
  const { status, body } = answerFor('JOURNAL_WRITE_FAILED');
  return {
    ...decision,
    reason: 'JOURNAL_WRITE_FAILED',
    status,
    body,
    events: undefined,
    headers: {
      ...decision.headers,
      'TGA-Mock-Reason': 'JOURNAL_WRITE_FAILED',
      'TGA-Mock-Detail': headerText(`the journal file could not be written: ${error}`),
    },
  };
}

export interface EventsRouteOptions {
  bodyLimit: number;
  now: () => number;
  /** --journal-file-required: write the file before answering. */
  fileRequired: boolean;
}

export function eventsRoute(deps: DecisionDeps, journal: Journal, options: EventsRouteOptions) {
  const { bodyLimit, now, fileRequired } = options;
  return async (req: Request, res: Response): Promise<void> => {
    const started = now();
    const requestId = String(res.locals.requestId);
    const token = header(req, 'tga-auth-token');
    // No work before the token: steps 1-2 come first, so a body is decompressed and parsed only
    // for a token that verifies (checkToken is memoised: decide's own check below costs nothing).
    const read = await readBody(req, bodyLimit, checkToken(token, deps.secret).ok);
    if (read === 'aborted') return; // the client went away; nobody to answer
    let decision = decide(
      { token, origin: header(req, 'origin'), referer: header(req, 'referer'), body: read.outcome },
      deps,
    );
    let preRecorded: number | undefined;
    if (decision.events && fileRequired) {
      const r = journal.record(requestId, decision.appName!, decision.events, read.bytes);
      if (r.ok) preRecorded = r.firstSeq;
      else decision = journalFailure(decision, r.error);
    }
    res.locals.reason = decision.reason;
    res.locals.appName = decision.appName;
    const headers: Record<string, string> = { ...decision.headers };
    // An oversized upload is read and dropped up to a bound, so the client gets its answer; one cut
    // off at the bound is not read further: close the connection after answering.
    if (read.cutOff) headers.Connection = 'close';

    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      const delivered = !decision.reset && res.writableFinished;
      if (decision.events && delivered && preRecorded === undefined)
        journal.record(requestId, decision.appName!, decision.events, read.bytes);
      if (preRecorded !== undefined && !delivered) journal.markUndelivered(requestId, preRecorded);
      journal.logRequest({
        received_at: new Date(started).toISOString(),
        request_id: requestId,
        method: req.method,
        path: req.path,
        app_name: decision.appName,
        status: decision.reset ? 0 : decision.status,
        reason: decision.reset ? 'RESET' : decision.reason,
        delivered,
        headers: loggedHeaders(req),
        bodyBytes: read.bytes,
        ...(read.size === undefined ? {} : { body_bytes: read.size }),
        ...(read.note === undefined ? {} : { body_note: read.note }),
        response: { status: decision.status, headers, body: decision.reset ? null : decision.body },
        duration_ms: now() - started,
      });
    };
    res.once('finish', settle);
    res.once('close', settle);

    if (decision.delayMs) await sleep(decision.delayMs);
    if (decision.reset) {
      req.socket.destroy();
      settle();
      return;
    }
    sendJson(res, decision.status, decision.body, headers);
  };
}
