// The journal's shapes: what it records and logs, what it is asked, and what it answers. No logic.
import type { TgaEvent } from '../../../schema';

export interface JournalEntry {
  seq: number;
  received_at: string;
  request_id: string;
  app_name: string;
  event: TgaEvent;
  /** Present only on a POST /events/fingerprint body (`event` is then that body). */
  kind?: 'fingerprint';
  /** Present (false) only when the 201 for this event could not be delivered (--journal-file-required). */
  delivered?: false;
}

/** One POST /events as the request log shows it. */
export interface RequestLogEntry {
  seq: number;
  received_at: string;
  request_id: string;
  method: string;
  path: string;
  app_name?: string;
  status: number;
  reason: string;
  /** Whether the answer reached the client's socket (false: the client went away, or a reset fault). */
  delivered: boolean;
  /** The request headers, the token redacted. */
  headers: Record<string, string>;
  /** The body: parsed JSON when its first LOGGED_BODY_MAX bytes were the whole body and JSON; else text. */
  body?: unknown;
  /** The body's size in bytes (decoded), when it was read. */
  body_bytes?: number;
  /** Set when `body` is only the first LOGGED_BODY_MAX bytes. */
  body_truncated?: true;
  /** Why there is no body text (e.g. an encoded body refused before decoding). */
  body_note?: string;
  response: { status: number; headers: Record<string, string>; body: unknown };
  /** With --upstream: the upstream's own answer (headers in lower case, any echo of the token redacted). */
  upstream?: { status: number; headers: Record<string, string>; body: unknown };
  duration_ms: number;
}

/** What the HTTP shell hands the request log: the body as bytes, copied and cut here. */
export type RequestLogInput = Omit<RequestLogEntry, 'seq' | 'body' | 'body_truncated' | 'headers'> & {
  /**
   * The request headers as received: name, value, name, value… (Node's rawHeaders). Kept as they
   * are and turned into `headers`, the token's signature redacted, only when someone reads the log.
   */
  rawHeaders: readonly string[];
  bodyBytes?: Buffer;
  /** `bodyBytes` is already the journal's own copy: keep it without copying again. */
  bodyOwned?: boolean;
};

export type JournalMessage =
  | { type: 'event'; entry: JournalEntry }
  | { type: 'request'; entry: RequestLogEntry }
  // The journal was emptied (DELETE /__mock/events, reset()): live views empty themselves too.
  | { type: 'clear' };

export type EntryKind = 'event' | 'fingerprint';

export interface JournalFilter {
  event_name?: string;
  /** `event` (POST /events) or `fingerprint` (POST /events/fingerprint); default both. */
  kind?: EntryKind;
  app_name?: string;
  /** Only entries with a seq greater than this. */
  since?: number;
  /** At most this many entries, oldest first; default 1,000. */
  limit?: number;
}

export interface JournalSink {
  write(line: string): void;
  /** Writes now or throws (--journal-file-required); absent on sinks that cannot. */
  writeSync?(text: string): void;
  close(): Promise<void>;
  status?(): SinkStatus;
}

export interface SinkStatus {
  path: string;
  required: boolean;
  lines_written: number;
  lines_lost: number;
  errors: number;
  last_error?: string;
}

export interface JournalOptions {
  /** Events kept (the option table's journalCap). */
  cap: number;
  /** Bytes of event JSON kept, plus a fixed charge per batch (the option table's journalMaxBytes). */
  maxBytes: number;
  /** Request log entries kept; default DEFAULT_REQUEST_LOG_CAP. */
  requestLogCap?: number;
  /** Bytes the request log is charged at most; default DEFAULT_REQUEST_LOG_MAX_BYTES. */
  requestLogMaxBytes?: number;
  now?: () => number;
  sink?: JournalSink;
  /** Write the sink synchronously before the answer; a failed write refuses the record. */
  sinkRequired?: boolean;
}

export interface JournalCounts {
  requests: Record<string, number>;
  recorded: number;
  dropped: number;
  /** Events in memory now, and the bytes they are charged. */
  kept: number;
  bytes: number;
  /** Request log entries dropped for the count or byte cap. */
  requests_dropped: number;
  requests_bytes: number;
  /** Answers to POST /events that never reached the client. */
  not_delivered: number;
  file?: SinkStatus;
}

export interface WaitOptions {
  /** Resolve once at least this many entries match; default 1. */
  count?: number;
  /** Reject after this many ms; default DEFAULT_WAIT_MS (5,000). */
  timeoutMs?: number;
}

/** How a wait ended: its count met, or not (timed out, cancelled, the journal closed) and why. */
/** One request the mock refused (or dropped: status 0, reason RESET) while a wait was pending. */
export interface NearMiss {
  status: number;
  reason: string;
  /** Why, in words: the answer's TGA-Mock-Detail, else its body's message; absent when neither. */
  detail?: string;
  request_id: string;
  path: string;
}

export type WaitOutcome =
  | { ok: true }
  /** `nearMisses`: the requests the mock refused while it waited (core/journal/nearMisses.ts). */
  | { ok: false; message: string; nearMisses?: NearMiss[] };

/** One accepted batch, as the exchange hands it to record(). */
export interface RecordInput {
  requestId: string;
  appName: string;
  events: TgaEvent[];
  /** The batch's JSON text as received (a batch array or one event object); else serialised here. */
  raw?: Buffer;
  /** ISO time of arrival; default the journal's clock now. */
  receivedAt?: string;
  /** Default `event` (POST /events). */
  kind?: EntryKind;
}

export type RecordResult =
  | { ok: true; firstSeq: number; /** The journal's own copy of the batch's JSON. */ raw: Buffer }
  | { ok: false; error: string };

export interface Journal {
  /** Records a whole accepted batch (all or nothing is decided before this is called). */
  record(input: RecordInput): RecordResult;
  /** Marks a recorded batch whose answer never reached the client. */
  markUndelivered(requestId: string, firstSeq: number): void;
  query(filter?: JournalFilter): { events: JournalEntry[]; total: number; dropped: number };
  /** Number of entries matching the filter (its limit ignored). */
  count(filter?: JournalFilter): number;
  /** Matching entries with seq > afterSeq, oldest first, at most `max` (for streaming views). */
  page(filter: JournalFilter, afterSeq: number, max: number): JournalEntry[];
  /**
   * The same entries as JSON bytes, each event exactly as received (for the HTTP view): at most
   * `max` entries and, past the first, at most `maxBytes` bytes; `lastSeq` is the last one's seq.
   */
  pageBytes(
    filter: JournalFilter,
    afterSeq: number,
    max: number,
    maxBytes: number,
  ): { items: Buffer[]; lastSeq: number };
  /** Resolves with the matching entries once `count` match; rejects after the timeout saying what arrived. */
  waitFor(filter: JournalFilter, options?: WaitOptions): Promise<JournalEntry[]>;
  /**
   * Resolves once `count` entries match, without reading them (a long poll reads its own page
   * after); not ok at the timeout or when `signal` aborts, freeing the slot at once.
   */
  waitUntil(filter: JournalFilter, options: WaitOptions & { signal?: AbortSignal }): Promise<WaitOutcome>;
  logRequest(entry: RequestLogInput): void;
  requests(filter?: { since?: number; limit?: number }): RequestLogEntry[];
  /** The newest request log entries whose JSON fits in `maxBytes` (for the inspector's snapshot). */
  latestRequests(maxCount: number, maxBytes: number, size: (e: RequestLogEntry) => number): RequestLogEntry[];
  counts(): JournalCounts;
  clear(): void;
  subscribe(listener: (message: JournalMessage) => void): () => void;
  /** Rejects pending waiters and flushes and closes the sink. */
  close(): Promise<void>;
}
