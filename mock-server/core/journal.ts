// What the mock recorded (a bounded ring of events) and what it was asked (a bounded log of every
// POST /events, accepted or not), with counters for /__mock/health and a subscribe hook so a live
// view can stream both. Oldest entries are dropped at the cap and the drops counted.
import type { TgaEvent } from '../../schema';
import { createRing } from './ring';

export interface JournalEntry {
  seq: number;
  received_at: string;
  request_id: string;
  app_name: string;
  event: TgaEvent;
}

export interface RequestLogEntry {
  seq: number;
  received_at: string;
  request_id: string;
  method: string;
  path: string;
  app_name?: string;
  status: number;
  reason: string;
  /** The request body as parsed JSON, or a (bounded) text when it was not JSON. */
  body?: unknown;
  response: { status: number; headers: Record<string, string>; body: unknown };
  duration_ms: number;
}

export type JournalMessage =
  | { type: 'event'; entry: JournalEntry }
  | { type: 'request'; entry: RequestLogEntry }
  // The journal was emptied (DELETE /__mock/events, reset()): live views empty themselves too.
  | { type: 'clear' };

export interface JournalFilter {
  event_name?: string;
  app_name?: string;
  /** Only entries with a seq greater than this. */
  since?: number;
  /** At most this many entries, oldest first; default 1,000. */
  limit?: number;
}

export interface JournalSink {
  write(line: string): void;
  close(): Promise<void>;
}

export interface JournalOptions {
  cap: number;
  requestLogCap?: number;
  now?: () => number;
  sink?: JournalSink;
}

export interface Journal {
  /** Records a whole accepted batch (all or nothing is decided before this is called). */
  record(requestId: string, appName: string, events: TgaEvent[]): JournalEntry[];
  query(filter?: JournalFilter): { events: JournalEntry[]; total: number; dropped: number };
  logRequest(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry;
  requests(filter?: { since?: number; limit?: number }): RequestLogEntry[];
  counts(): { requests: Record<string, number>; recorded: number; dropped: number };
  clear(): void;
  subscribe(listener: (message: JournalMessage) => void): () => void;
  /** Flushes and closes the sink. */
  close(): Promise<void>;
}

export const DEFAULT_QUERY_LIMIT = 1000;
export const DEFAULT_REQUEST_LOG_CAP = 500;

export function createJournal(options: JournalOptions): Journal {
  const now = options.now ?? Date.now;
  const events = createRing<JournalEntry>(options.cap);
  const reqLog = createRing<RequestLogEntry>(options.requestLogCap ?? DEFAULT_REQUEST_LOG_CAP);
  const listeners = new Set<(m: JournalMessage) => void>();
  let seq = 0;
  let reqSeq = 0;
  let recorded = 0;
  let dropped = 0;
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

  return {
    record(requestId, appName, batch) {
      const receivedAt = new Date(now()).toISOString();
      const entries = batch.map((event) => ({
        seq: ++seq,
        received_at: receivedAt,
        request_id: requestId,
        app_name: appName,
        event,
      }));
      for (const entry of entries) {
        if (events.push(entry)) dropped += 1;
        recorded += 1;
        options.sink?.write(JSON.stringify(entry) + '\n');
        emit({ type: 'event', entry });
      }
      return entries;
    },
    query(filter = {}) {
      const matching = events
        .toArray()
        .filter(
          (e) =>
            (filter.since === undefined || e.seq > filter.since) &&
            (filter.event_name === undefined || e.event.event_name === filter.event_name) &&
            (filter.app_name === undefined || e.app_name === filter.app_name),
        );
      return {
        events: matching.slice(0, filter.limit ?? DEFAULT_QUERY_LIMIT),
        total: matching.length,
        dropped,
      };
    },
    logRequest(entry) {
      byStatus[entry.status] = (byStatus[entry.status] ?? 0) + 1;
      const full = { seq: ++reqSeq, ...entry };
      reqLog.push(full);
      emit({ type: 'request', entry: full });
      return full;
    },
    requests(filter = {}) {
      const all = reqLog.toArray().filter((r) => filter.since === undefined || r.seq > filter.since);
      return all.slice(0, filter.limit ?? DEFAULT_QUERY_LIMIT);
    },
    counts: () => ({ requests: { ...byStatus }, recorded, dropped }),
    clear() {
      events.clear();
      reqLog.clear();
      recorded = 0;
      dropped = 0;
      byStatus = {};
      emit({ type: 'clear' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await options.sink?.close();
    },
  };
}
