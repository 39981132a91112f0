// One POST /events exchange, whatever carries it (a socket through Express, or an MSW handler in
// process): decide, then — once the shell knows whether its answer reached the client — record and
// log. An event is journaled only if its 201 was delivered. With --journal-file-required the file
// is written before answering, so a failed write answers 500; a 201 that then cannot be delivered is
// marked `delivered: false` in the journal.
import { answerFor } from './answers';
import type { ReadBody } from './body';
import { decide, type Decision } from './decide';
import type { EntryKind } from './journal';
import type { Runtime } from './runtime';
import { headerText } from './violations';

export interface ExchangeRequest {
  /** POST /events (the default) or POST /events/fingerprint: the same rules, another body schema. */
  kind?: EntryKind;
  requestId: string;
  /** When the request arrived (ms since the epoch, on the runtime's clock). */
  started: number;
  method: string;
  path: string;
  token?: string;
  origin?: string;
  referer?: string;
  /** The request headers as received (name, value, …): the log redacts the token when read. */
  rawHeaders: readonly string[];
  read: ReadBody;
}

export interface PreparedAnswer {
  decision: Decision;
  /** The answer's headers (TGA-Mock-Reason and friends; Connection: close after a cut-off upload). */
  headers: Record<string, string>;
  /** --journal-file-required: the batch was recorded before answering, from this seq. */
  preRecorded?: number;
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

/** Records the decided batch as arriving when the request did. */
function record(rt: Runtime, req: ExchangeRequest, decision: Decision) {
  return rt.journal.record({
    requestId: req.requestId,
    appName: decision.appName!,
    events: decision.events!,
    raw: req.read.bytes,
    receivedAt: new Date(req.started).toISOString(),
    kind: req.kind,
  });
}

export function prepareAnswer(rt: Runtime, req: ExchangeRequest): PreparedAnswer {
  let decision = decide(
    { token: req.token, origin: req.origin, referer: req.referer, body: req.read.outcome },
    req.kind === 'fingerprint' ? rt.fingerprintDeps : rt.decisionDeps,
  );
  let preRecorded: number | undefined;
  if (decision.events && rt.options.journalFileRequired) {
    const r = record(rt, req, decision);
    if (r.ok) preRecorded = r.firstSeq;
    else decision = journalFailure(decision, r.error);
  }
  const headers = req.read.cutOff ? { ...decision.headers, Connection: 'close' } : decision.headers;
  return { decision, headers, preRecorded };
}

/** After the answer: record the batch if its 201 was delivered, and log the request. */
export function settleExchange(
  rt: Runtime,
  req: ExchangeRequest,
  prepared: PreparedAnswer,
  delivered: boolean,
): void {
  const { decision, preRecorded } = prepared;
  const { journal } = rt;
  let logged = req.read.bytes;
  if (decision.events && delivered && preRecorded === undefined) {
    const r = record(rt, req, decision);
    // The journal's own copy of the batch serves the request log too (no second copy).
    if (r.ok && r.raw) logged = r.raw;
  }
  if (preRecorded !== undefined && !delivered) journal.markUndelivered(req.requestId, preRecorded);
  journal.logRequest({
    received_at: new Date(req.started).toISOString(),
    request_id: req.requestId,
    method: req.method,
    path: req.path,
    app_name: decision.appName,
    status: decision.reset ? 0 : decision.status,
    reason: decision.reset ? 'RESET' : decision.reason,
    delivered,
    rawHeaders: req.rawHeaders,
    bodyBytes: logged,
    bodyOwned: logged !== req.read.bytes,
    ...(req.read.size === undefined ? {} : { body_bytes: req.read.size }),
    ...(req.read.note === undefined ? {} : { body_note: req.read.note }),
    response: {
      status: decision.status,
      headers: prepared.headers,
      body: decision.reset ? null : decision.body,
    },
    duration_ms: rt.now() - req.started,
  });
}
