// What the mock recorded (the journal of events) and what it was asked (a log of every POST /events,
// accepted or not), with counters for /__mock/health, a subscribe hook for live views and waiters
// for batching clients. Both are bounded in count AND in bytes; the oldest go first, counted.
//
// A recorded batch is kept as its JSON text (UTF-8 bytes in an unpooled Buffer), not as a live
// object graph: its size is exact, the garbage collector never scans it, and it is parsed again
// only when someone asks for it. Every view is therefore a fresh copy: changing what a query
// returned changes nothing recorded.
import type { TgaEvent } from '../../schema';
import { redactToken } from '../../schema/token';

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
  /** Events kept. */
  cap: number;
  /** Bytes of event JSON kept (plus a fixed charge per batch); default DEFAULT_JOURNAL_MAX_BYTES. */
  maxBytes?: number;
  requestLogCap?: number;
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
  /** Reject after this many ms; default 5,000. */
  timeoutMs?: number;
}

export type RecordResult =
  | { ok: true; firstSeq: number; /** The journal's own copy of the batch's JSON. */ raw: Buffer }
  | { ok: false; error: string };

export interface Journal {
  /**
   * Records a whole accepted batch (all or nothing is decided before this is called). `raw` is the
   * batch's JSON text as received (a batch array or one event object); without it the events are
   * serialised here.
   */
  record(
    requestId: string,
    appName: string,
    events: TgaEvent[],
    raw?: Buffer,
    receivedAt?: string,
    kind?: EntryKind,
  ): RecordResult;
  /** Marks a recorded batch whose answer never reached the client. */
  markUndelivered(requestId: string, firstSeq: number): void;
  query(filter?: JournalFilter): { events: JournalEntry[]; total: number; dropped: number };
  /** Number of entries matching the filter (its limit ignored). */
  count(filter?: JournalFilter): number;
  /** Matching entries with seq > afterSeq, oldest first, at most `max` (for streaming views). */
  page(filter: JournalFilter, afterSeq: number, max: number): JournalEntry[];
  /** Resolves with the matching entries once `count` match; rejects after the timeout saying what arrived. */
  waitFor(filter: JournalFilter, options?: WaitOptions): Promise<JournalEntry[]>;
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

export const DEFAULT_QUERY_LIMIT = 1000;
export const DEFAULT_REQUEST_LOG_CAP = 500;
export const DEFAULT_JOURNAL_MAX_BYTES = 256 * 1024 * 1024;
export const DEFAULT_REQUEST_LOG_MAX_BYTES = 32 * 1024 * 1024;
/** Bytes of each request body the request log keeps (a copy, independent of the original). */
export const LOGGED_BODY_MAX = 16 * 1024;
/** Fixed charge per stored batch / request (ids, times, bookkeeping), on top of the text. */
const BATCH_OVERHEAD = 256;
const EVENT_OVERHEAD = 48;
const REQUEST_OVERHEAD = 1024;
/** Pending waiters at once (waitForEvents, long polls); more are refused. */
export const MAX_WAITERS = 256;

interface StoredBatch {
  firstSeq: number;
  count: number;
  /** Events dropped from the front of this batch by the count cap. */
  skip: number;
  receivedAt: string;
  requestId: string;
  appName: string;
  names: string[];
  raw: Buffer;
  bytes: number;
  undelivered?: true;
  fingerprint?: true;
}

interface StoredRequest {
  entry: Omit<RequestLogEntry, 'body' | 'body_truncated' | 'headers'> & { rawHeaders: readonly string[] };
  /** At most LOGGED_BODY_MAX bytes of the body, in a buffer of its own (or the journal's copy). */
  body?: Buffer;
  truncated: boolean;
  bytes: number;
}

// Invalid UTF-8 (or a cut in the middle of a character) becomes U+FFFD in the log's copy.
const LOG_TEXT = new TextDecoder('utf-8');

/** An unpooled copy: a slice of Node's shared 8 KB pool would keep the whole slab alive. */
function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

const charsBytes = (s: string) => s.length * 2; // a V8 string is at most 2 bytes per UTF-16 unit

/** Whether the batch's i-th event matches the filter. */
function matches(filter: JournalFilter, b: StoredBatch, i: number): boolean {
  return (
    (filter.kind === undefined || filter.kind === (b.fingerprint ? 'fingerprint' : 'event')) &&
    (filter.since === undefined || b.firstSeq + i > filter.since) &&
    (filter.app_name === undefined || b.appName === filter.app_name) &&
    (filter.event_name === undefined || b.names[i] === filter.event_name)
  );
}

function parseBatch(b: StoredBatch): TgaEvent[] {
  const value = JSON.parse(b.raw.toString('utf8')) as TgaEvent | TgaEvent[];
  return Array.isArray(value) ? value : [value];
}

function entryOf(b: StoredBatch, i: number, events: TgaEvent[]): JournalEntry {
  const entry: JournalEntry = {
    seq: b.firstSeq + i,
    received_at: b.receivedAt,
    request_id: b.requestId,
    app_name: b.appName,
    event: events[i],
  };
  if (b.fingerprint) entry.kind = 'fingerprint';
  if (b.undelivered) entry.delivered = false;
  return entry;
}

/** Raw header pairs as a record (repeated names joined), the token's signature redacted. */
export function headerRecord(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = name === 'tga-auth-token' ? redactToken(raw[i + 1]) : raw[i + 1];
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

function viewOf(r: StoredRequest): RequestLogEntry {
  const { rawHeaders, ...rest } = r.entry;
  const view: RequestLogEntry = { ...rest, headers: headerRecord(rawHeaders) };
  if (r.body !== undefined) {
    const text = LOG_TEXT.decode(r.body);
    if (r.truncated) {
      view.body = `${text}… (${r.entry.body_bytes ?? '?'} bytes in all)`;
      view.body_truncated = true;
    } else {
      try {
        view.body = JSON.parse(text) as unknown;
      } catch {
        view.body = text;
      }
    }
  }
  return view;
}

/** A queue with O(1) removal at the front (an array and a head index, compacted now and then). */
function createQueue<T>() {
  let items: (T | undefined)[] = [];
  let head = 0;
  return {
    push: (item: T) => void items.push(item),
    shift(): T | undefined {
      if (head >= items.length) return undefined;
      const item = items[head];
      items[head++] = undefined;
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
      return item;
    },
    first: (): T | undefined => items[head],
    get length() {
      return items.length - head;
    },
    at: (i: number): T => items[head + i] as T,
    clear() {
      items = [];
      head = 0;
    },
  };
}

interface Waiter {
  filter: JournalFilter;
  need: number;
  seen: number;
  done: (ok: boolean) => void;
}

export function createJournal(options: JournalOptions): Journal {
  const now = options.now ?? Date.now;
  const cap = options.cap;
  const maxBytes = options.maxBytes ?? DEFAULT_JOURNAL_MAX_BYTES;
  const reqCap = options.requestLogCap ?? DEFAULT_REQUEST_LOG_CAP;
  const reqMaxBytes = options.requestLogMaxBytes ?? DEFAULT_REQUEST_LOG_MAX_BYTES;
  const batches = createQueue<StoredBatch>();
  const reqLog = createQueue<StoredRequest>();
  const listeners = new Set<(m: JournalMessage) => void>();
  const waiters = new Set<Waiter>();
  let seq = 0;
  let reqSeq = 0;
  let recorded = 0;
  let dropped = 0;
  let kept = 0;
  let bytes = 0;
  let reqBytes = 0;
  let reqDropped = 0;
  let notDelivered = 0;
  let byStatus: Record<string, number> = {};

  const emit = (message: JournalMessage) => {
    for (const l of listeners) {
      try {
        l(message);
      } catch {
        // A broken listener must not break recording.
      }
    }
  };

  const dropOldestBatch = () => {
    const b = batches.shift();
    if (!b) return;
    dropped += b.count - b.skip;
    kept -= b.count - b.skip;
    bytes -= b.bytes;
  };

  function enforceCaps(): void {
    while (kept > cap) {
      const b = batches.first()!;
      const excess = Math.min(kept - cap, b.count - b.skip);
      b.skip += excess;
      kept -= excess;
      dropped += excess;
      if (b.skip === b.count) {
        batches.shift();
        bytes -= b.bytes;
      }
    }
    while (bytes > maxBytes && batches.length > 0) dropOldestBatch();
  }

  /** Index of the first batch holding a seq greater than afterSeq (binary search: seqs ascend). */
  function firstBatchAfter(afterSeq: number): number {
    let lo = 0;
    let hi = batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = batches.at(mid);
      if (b.firstSeq + b.count - 1 <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function collect(filter: JournalFilter, afterSeq: number, max: number): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let k = firstBatchAfter(afterSeq); k < batches.length && out.length < max; k++) {
      const b = batches.at(k);
      let parsed: TgaEvent[] | undefined;
      for (let i = b.skip; i < b.count && out.length < max; i++) {
        const s = b.firstSeq + i;
        if (s <= afterSeq || !matches(filter, b, i)) continue;
        parsed ??= parseBatch(b);
        out.push(entryOf(b, i, parsed));
      }
    }
    return out;
  }

  function countMatching(filter: JournalFilter): number {
    let n = 0;
    for (let k = firstBatchAfter(filter.since ?? 0); k < batches.length; k++) {
      const b = batches.at(k);
      for (let i = b.skip; i < b.count; i++) if (matches(filter, b, i)) n++;
    }
    return n;
  }

  function writeLines(b: StoredBatch, events: TgaEvent[]): string {
    let text = '';
    for (let i = 0; i < events.length; i++) text += JSON.stringify(entryOf(b, i, events)) + '\n';
    return text;
  }

  function describeArrivals(filter: JournalFilter): string {
    const seen = new Map<string, number>();
    for (let k = firstBatchAfter(filter.since ?? 0); k < batches.length; k++) {
      const b = batches.at(k);
      for (let i = b.skip; i < b.count; i++) {
        const key = `${b.fingerprint ? 'a fingerprint' : b.names[i]} (app ${b.appName})`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    if (seen.size === 0) return 'nothing arrived';
    const list = [...seen].slice(0, 20).map(([k, n]) => (n > 1 ? `${n}× ${k}` : k));
    return `what did arrive: ${list.join(', ')}${seen.size > 20 ? `, and ${seen.size - 20} more kinds` : ''}`;
  }

  const journal: Journal = {
    record(requestId, appName, events, raw, receivedAt, kind) {
      const text = raw ? ownCopy(raw) : Buffer.from(JSON.stringify(events));
      // A fingerprint has no event name: an event_name filter never matches it.
      const names = events.map((e) =>
        kind !== 'fingerprint' && typeof e.event_name === 'string' ? e.event_name : '\u0000',
      );
      const charged =
        text.length + BATCH_OVERHEAD + names.reduce((n, s) => n + EVENT_OVERHEAD + charsBytes(s), 0);
      const batch: StoredBatch = {
        firstSeq: seq + 1,
        count: events.length,
        skip: 0,
        receivedAt: receivedAt ?? new Date(now()).toISOString(),
        requestId,
        appName,
        names,
        raw: text,
        bytes: charged,
        ...(kind === 'fingerprint' ? { fingerprint: true as const } : {}),
      };
      if (options.sink) {
        const lines = writeLines(batch, events);
        if (options.sinkRequired && options.sink.writeSync) {
          try {
            options.sink.writeSync(lines);
          } catch (e) {
            return { ok: false, error: (e as Error).message };
          }
        } else options.sink.write(lines);
      }
      seq += events.length;
      recorded += events.length;
      kept += events.length;
      bytes += charged;
      batches.push(batch);
      enforceCaps();
      if (listeners.size > 0)
        for (let i = 0; i < events.length; i++) emit({ type: 'event', entry: entryOf(batch, i, events) });
      if (waiters.size > 0)
        for (const w of waiters) {
          for (let i = 0; i < events.length; i++) if (matches(w.filter, batch, i)) w.seen++;
          if (w.seen >= w.need) w.done(true);
        }
      return { ok: true, firstSeq: batch.firstSeq, raw: batch.raw };
    },
    markUndelivered(requestId, firstSeq) {
      const k = firstBatchAfter(firstSeq - 1);
      if (k >= batches.length) return;
      const b = batches.at(k);
      if (b.firstSeq === firstSeq && b.requestId === requestId) b.undelivered = true;
    },
    query(filter = {}) {
      return {
        events: collect(filter, filter.since ?? 0, filter.limit ?? DEFAULT_QUERY_LIMIT),
        total: countMatching(filter),
        dropped,
      };
    },
    count: (filter = {}) => countMatching(filter),
    page: (filter, afterSeq, max) => collect(filter, Math.max(afterSeq, filter.since ?? 0), max),
    waitFor(filter, wait = {}) {
      const need = wait.count ?? 1;
      const timeoutMs = wait.timeoutMs ?? 5000;
      const have = countMatching(filter);
      const result = () =>
        collect(filter, filter.since ?? 0, Math.max(need, filter.limit ?? DEFAULT_QUERY_LIMIT));
      if (have >= need) return Promise.resolve(result());
      if (waiters.size >= MAX_WAITERS)
        return Promise.reject(
          new Error(`waitForEvents: ${MAX_WAITERS} waits are pending already; none more`),
        );
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          filter,
          need,
          seen: have,
          done(ok) {
            waiters.delete(waiter);
            clearTimeout(timer);
            if (ok) return resolve(result());
            const got = countMatching(filter);
            reject(
              new Error(
                `waitForEvents: expected ${need} event${need === 1 ? '' : 's'} matching ${JSON.stringify(filter)} ` +
                  `within ${timeoutMs} ms, got ${got}; ${describeArrivals({ since: filter.since })}`,
              ),
            );
          },
        };
        const timer = setTimeout(() => waiter.done(false), timeoutMs);
        waiters.add(waiter);
      });
    },
    logRequest(input) {
      const { bodyBytes, bodyOwned, ...rest } = input;
      byStatus[input.status] = (byStatus[input.status] ?? 0) + 1;
      if (!input.delivered) notDelivered++;
      const entry = { seq: ++reqSeq, ...rest };
      let body: Buffer | undefined;
      let truncated = false;
      if (bodyBytes !== undefined) {
        truncated = bodyBytes.length > LOGGED_BODY_MAX;
        // A copy of at most 16 KB: nothing of the original body stays reachable through the log.
        body = bodyOwned && !truncated ? bodyBytes : ownCopy(bodyBytes.subarray(0, LOGGED_BODY_MAX));
        entry.body_bytes ??= bodyBytes.length;
      }
      let headerChars = 0;
      for (const h of entry.rawHeaders) headerChars += h.length;
      const stored: StoredRequest = {
        entry,
        body,
        truncated,
        bytes: REQUEST_OVERHEAD + (body?.length ?? 0) + 2 * headerChars + 2 * (entry.body_note?.length ?? 0),
      };
      reqLog.push(stored);
      reqBytes += stored.bytes;
      while (reqLog.length > reqCap || (reqBytes > reqMaxBytes && reqLog.length > 0)) {
        reqBytes -= reqLog.shift()!.bytes;
        reqDropped++;
      }
      // Views are built only for someone who looks: live listeners now, readers later.
      if (listeners.size > 0) emit({ type: 'request', entry: viewOf(stored) });
    },
    requests(filter = {}) {
      const out: RequestLogEntry[] = [];
      const max = filter.limit ?? DEFAULT_QUERY_LIMIT;
      for (let k = 0; k < reqLog.length && out.length < max; k++) {
        const r = reqLog.at(k);
        if (filter.since === undefined || r.entry.seq > filter.since) out.push(viewOf(r));
      }
      return out;
    },
    latestRequests(maxCount, maxBytesBudget, size) {
      const out: RequestLogEntry[] = [];
      let used = 0;
      for (let k = reqLog.length - 1; k >= 0 && out.length < maxCount; k--) {
        const view = viewOf(reqLog.at(k));
        used += size(view);
        if (used > maxBytesBudget) break;
        out.push(view);
      }
      return out.reverse();
    },
    counts: () => ({
      requests: { ...byStatus },
      recorded,
      dropped,
      kept,
      bytes,
      requests_dropped: reqDropped,
      requests_bytes: reqBytes,
      not_delivered: notDelivered,
      ...(options.sink?.status ? { file: options.sink.status() } : {}),
    }),
    clear() {
      batches.clear();
      reqLog.clear();
      recorded = 0;
      dropped = 0;
      kept = 0;
      bytes = 0;
      reqBytes = 0;
      reqDropped = 0;
      notDelivered = 0;
      byStatus = {};
      for (const w of waiters) w.seen = 0;
      emit({ type: 'clear' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      for (const w of [...waiters]) w.done(false);
      await options.sink?.close();
    },
  };
  return journal;
}
