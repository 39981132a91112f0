// What one line of the inspector shows for one request, computed on the server so the page's
// script stays small and the rules (which event names, which app, why) are tested without a browser.
import { reasonWords } from './reasonWords';
import { parseViolations, type MarkedViolation } from './rowViolations';

export type { MarkedViolation } from './rowViolations';

/** The fields of the journal's request log that the inspector reads (RequestLogEntry fits). */
export interface InspectedRequest {
  seq: number;
  received_at: string;
  method?: string;
  path?: string;
  /** The token's app once the token parsed — verified or not (TOKEN_INVALID carries it too). */
  app_name?: string;
  status: number;
  reason: string;
  /** Whether the answer reached the client (absent: assume it did). */
  delivered?: boolean;
  /** The request headers (the token's signature redacted). */
  headers?: Record<string, string>;
  body?: unknown;
  body_note?: string;
  response: { status: number; headers: Record<string, string>; body: unknown };
  /** With --upstream: the upstream's own answer. */
  upstream?: { status: number; headers: Record<string, string>; body: unknown };
}

export interface InspectorRow {
  seq: number;
  time: string;
  path: string;
  event_names: string[];
  /** The token's app, only when the token verified; otherwise null (and `claimed_app` says what was named). */
  app_name: string | null;
  /** The app an unverified token or the body named, shown only as part of why. */
  claimed_app?: string;
  status: number;
  reason: string;
  delivered: boolean;
  /** Events this request recorded, by name (empty unless the batch was recorded). */
  recorded: Record<string, number>;
  /** Why, in words. */
  why?: string;
  /** TGA-Mock-Detail of the answer. */
  detail?: string;
  /** TGA-Mock-Violations of the answer, each with the JSON Pointer of the value to mark. */
  violations: MarkedViolation[];
  /** Violations the header left out for its size budget. */
  violations_truncated?: number;
  /** With --upstream: the upstream's status and TGA-Mock-Upstream-Deviation, if any. */
  upstream?: { status: number; headers: Record<string, string>; body: unknown };
  deviation?: string;
  headers: Record<string, string>;
  body: unknown;
  body_note?: string;
  response: { status: number; headers: Record<string, string>; body: unknown };
}

// A batch holds up to 20 events in the SDK; a hostile body can hold more. The row lists a few
// distinct names, the expanded body shows everything.
const MAX_NAMES = 20;

// The answers given before the token's signature was checked or because it failed: any app the
// request log holds for them was read from an unverified token. With --upstream the proxy cannot
// check a signature (the upstream holds the secret): an exchange the upstream never answered has
// no verified app either.
const UNVERIFIED = new Set([
  'TOKEN_MISSING_OR_MALFORMED',
  'TOKEN_INVALID',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_ANSWER_TOO_LARGE',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function eventsOf(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.filter(isObject);
  return isObject(body) ? [body] : [];
}

/** A response header, whatever case the shell wrote its name in. */
export function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

function recordedByName(entry: InspectedRequest, events: Record<string, unknown>[]): Record<string, number> {
  const recorded: Record<string, number> = {};
  const acknowledged = entry.status >= 200 && entry.status <= 299 && entry.delivered !== false;
  if (!acknowledged || (entry.method !== undefined && entry.method !== 'POST')) return recorded;
  let names = 0;
  for (const e of events) {
    if (typeof e.event_name !== 'string') continue;
    if (!Object.hasOwn(recorded, e.event_name)) {
      if (names >= MAX_NAMES) continue;
      names++;
      recorded[e.event_name] = 0;
    }
    recorded[e.event_name]++;
  }
  return recorded;
}

export function toInspectorRow(entry: InspectedRequest): InspectorRow {
  const events = eventsOf(entry.body);
  const names = new Set<string>();
  for (const e of events) {
    if (names.size >= MAX_NAMES) break;
    if (typeof e.event_name === 'string') names.add(e.event_name);
  }
  const verified = entry.app_name !== undefined && !UNVERIFIED.has(entry.reason);
  // What an unverified request named: the token's claim, else the body's. Never shown as its app.
  const claimed =
    entry.app_name ?? (events.find((e) => typeof e.app_name === 'string')?.app_name as string | undefined);
  const headers = entry.response.headers ?? {};
  const detail = headerOf(headers, 'TGA-Mock-Detail');
  const deviation = headerOf(headers, 'TGA-Mock-Upstream-Deviation');
  const why = reasonWords(entry.reason);
  const { violations, truncated } = parseViolations(headerOf(headers, 'TGA-Mock-Violations'));
  return {
    seq: entry.seq,
    time: entry.received_at,
    path: entry.path ?? '/events',
    event_names: [...names],
    app_name: verified ? (entry.app_name ?? null) : null,
    ...(!verified && claimed !== undefined ? { claimed_app: claimed } : {}),
    status: entry.status,
    reason: entry.reason,
    delivered: entry.delivered !== false,
    recorded: recordedByName(entry, events),
    ...(why === undefined ? {} : { why }),
    ...(detail === undefined ? {} : { detail }),
    violations,
    ...(truncated === undefined ? {} : { violations_truncated: truncated }),
    ...(entry.upstream === undefined ? {} : { upstream: entry.upstream }),
    ...(deviation === undefined ? {} : { deviation }),
    headers: entry.headers ?? {},
    body: entry.body,
    ...(entry.body_note === undefined ? {} : { body_note: entry.body_note }),
    response: entry.response,
  };
}
