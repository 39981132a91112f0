// The one registry of what the mock answers (every answer, 201 included): stable reason code → status and exact body.
// Documented reasons come from the contract's table (schema/responses.schema.json), never retyped
// here; the mock adds its own reasons for answers the docs do not cover (body size, encoding,
// unknown routes, the control API). Code matches on the reason code, never on message text.
import { DOCUMENTED_RESPONSES, type DocumentedReason } from '../../schema';

export const MOCK_REASONS = [
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_ENCODING',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'HEADERS_TOO_LARGE',
  'MALFORMED_REQUEST',
  'EXPECTATION_FAILED',
  'BAD_CONTROL_REQUEST',
  'FORBIDDEN_ADMIN',
  'HOST_NOT_ALLOWED',
  'CROSS_SITE_REFUSED',
  'CONTROL_NOT_JSON',
  'INTERNAL_ERROR',
  'JOURNAL_WRITE_FAILED',
  'CONTROL_BUSY',
  'SERVER_ERROR_FAULT',
  'TOO_MANY_FAULTS',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_ANSWER_TOO_LARGE',
] as const;

export type MockReason = (typeof MOCK_REASONS)[number];
export type Reason = DocumentedReason | MockReason;

export interface Answer {
  reason: Reason;
  status: number;
  /** The exact JSON body; for mock-only reasons a `{message}` a caller may replace with a more precise one. */
  body: Readonly<Record<string, unknown>>;
  documented: boolean;
}

const MOCK_ONLY: Record<MockReason, { status: number; message: string }> = {
  // RFC 9110 §15.5.14: the decompressed body is over the limit (a gzip bomb lands here).
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  // RFC 9110 §15.5.16: a Content-Encoding other than gzip, deflate, br or identity.
  UNSUPPORTED_ENCODING: { status: 415, message: 'Unsupported Content-Encoding.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  // RFC 9110 §15.5.6: a method one of the SDK's paths does not serve (with Allow).
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  // Node refuses oversized request headers before any route runs (RFC 6585 §5).
  HEADERS_TOO_LARGE: { status: 431, message: 'Request header fields too large.' },
  // A request Node or Express cannot parse (bad URL encoding, broken HTTP framing).
  MALFORMED_REQUEST: { status: 400, message: 'Malformed request.' },
  // RFC 9110 §10.1.1: an Expect other than 100-continue.
  EXPECTATION_FAILED: { status: 417, message: 'Only Expect: 100-continue is supported.' },
  BAD_CONTROL_REQUEST: { status: 400, message: 'Bad control request.' },
  FORBIDDEN_ADMIN: {
    status: 403,
    message: 'The control API answers loopback clients only, or requires the admin token.',
  },
  // A DNS-rebinding guard, like webpack-dev-server's and Vite's allowedHosts (core/controlAccess).
  HOST_NOT_ALLOWED: {
    status: 403,
    message:
      'The control API and inspector answer only a loopback Host, the bound address or one listed in --allowed-hosts.',
  },
  // A page on another site (Origin or Sec-Fetch-Site says so) may not drive the control API.
  CROSS_SITE_REFUSED: {
    status: 403,
    message: 'The control API and inspector refuse requests from a page on another site.',
  },
  // RFC 9110 §15.5.16. A browser sends application/json cross-site only after a CORS preflight,
  // which the control API never grants: this is what stops a plain form or no-cors fetch.
  CONTROL_NOT_JSON: {
    status: 415,
    message: 'Control requests that change state need Content-Type: application/json.',
  },
  INTERNAL_ERROR: { status: 500, message: 'Internal mock error.' },
  // --journal-file-required and the journal file refused the write: the batch is not recorded.
  JOURNAL_WRITE_FAILED: {
    status: 500,
    message: 'The journal file could not be written; nothing was recorded.',
  },
  // A bounded resource of the control API is full (live inspector viewers, pending long polls).
  CONTROL_BUSY: { status: 503, message: 'Too many open inspector feeds or waits; try again later.' },
  // An armed `server-error` fault (500 unless the fault names another 5xx): what an SDK meets
  // when the service fails, with the body a generic server error carries.
  SERVER_ERROR_FAULT: { status: 500, message: 'Internal Server Error' },
  // RFC 9110 §15.5.10: POST /__mock/faults when the fault store is full (core/faults.ts).
  TOO_MANY_FAULTS: { status: 409, message: 'Too many faults armed.' },
  // --upstream (a validating proxy, http/proxyHandler.ts), RFC 9110 §15.6.3 and §15.6.5: the
  // upstream could not be reached, did not answer within --upstream-timeout, or answered more
  // than the proxy reads into memory.
  UPSTREAM_UNREACHABLE: { status: 502, message: 'The upstream could not be reached.' },
  UPSTREAM_TIMEOUT: { status: 504, message: 'The upstream did not answer in time.' },
  UPSTREAM_ANSWER_TOO_LARGE: { status: 502, message: "The upstream's answer is too large for the proxy." },
};

function buildRegistry(): ReadonlyMap<Reason, Answer> {
  const entries: Answer[] = [
    ...DOCUMENTED_RESPONSES.map((r) => ({
      reason: r.reason,
      status: r.status,
      body: r.body,
      documented: true,
    })),
    ...Object.entries(MOCK_ONLY).map(([reason, e]) => ({
      reason: reason as MockReason,
      status: e.status,
      body: Object.freeze({ message: e.message }),
      documented: false,
    })),
  ];
  return new Map(entries.map((e) => [e.reason, Object.freeze(e)]));
}

export const ANSWERS: ReadonlyMap<Reason, Answer> = buildRegistry();

export function answerFor(reason: Reason): Answer {
  const entry = ANSWERS.get(reason);
  if (!entry) throw new Error(`no registry entry for ${reason}`);
  return entry;
}

/** A mock-only answer with a more precise message (e.g. naming the bad control field). */
export function withMessage(
  reason: MockReason,
  message: string,
): { status: number; body: { message: string } } {
  return { status: answerFor(reason).status, body: { message } };
}
