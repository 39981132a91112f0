// What one line of the inspector shows for one POST /events, computed on the server so the page's
// script stays small and the rules (which event names, which app) are tested without a browser.

/** The fields of the journal's request log that the inspector reads (RequestLogEntry fits). */
export interface InspectedRequest {
  seq: number;
  received_at: string;
  app_name?: string;
  status: number;
  reason: string;
  /** The request headers (the token's signature redacted). */
  headers?: Record<string, string>;
  body?: unknown;
  body_note?: string;
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export interface InspectorRow {
  seq: number;
  time: string;
  event_names: string[];
  app_name: string | null;
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: unknown;
  body_note?: string;
  response: { status: number; headers: Record<string, string>; body: unknown };
}

// A batch holds up to 20 events in the SDK; a hostile body can hold more. The row lists a few
// distinct names, the expanded body shows everything.
const MAX_NAMES = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function eventsOf(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.filter(isObject);
  return isObject(body) ? [body] : [];
}

export function toInspectorRow(entry: InspectedRequest): InspectorRow {
  const events = eventsOf(entry.body);
  const names = new Set<string>();
  for (const e of events) {
    if (names.size >= MAX_NAMES) break;
    if (typeof e.event_name === 'string') names.add(e.event_name);
  }
  // The token's app when it was readable; otherwise what the body claims, so a request rejected
  // before its token was decoded still shows which app it meant to be.
  const claimed = events.find((e) => typeof e.app_name === 'string')?.app_name as string | undefined;
  return {
    seq: entry.seq,
    time: entry.received_at,
    event_names: [...names],
    app_name: entry.app_name ?? claimed ?? null,
    status: entry.status,
    reason: entry.reason,
    headers: entry.headers ?? {},
    body: entry.body,
    ...(entry.body_note === undefined ? {} : { body_note: entry.body_note }),
    response: entry.response,
  };
}
