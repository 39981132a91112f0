// The recorded batches. Bounds: at most `cap` events (the oldest dropped one at a time, even out of
// the middle of a batch) and at most `maxBytes` charged bytes (the oldest whole batches dropped);
// every dropped event is counted. Both caps come from the option table (journalCap, journalMaxBytes).
//
// A recorded batch is kept as its JSON text (UTF-8 bytes in an unpooled Buffer), not as a live
// object graph: its size is exact, the garbage collector never scans it, and it is parsed again
// only when someone asks for it. Every view is therefore a fresh copy: changing what a query
// returned changes nothing recorded.
import type { TgaEvent } from '../../../schema';
import { entryBytes, spansOf } from './eventBytes';
import { createQueue, ownCopy } from './queue';
import type { JournalEntry, JournalFilter, RecordInput } from './types';

/** Fixed charge per stored batch and per event (ids, times, bookkeeping), on top of the text. */
const BATCH_OVERHEAD = 256;
const EVENT_OVERHEAD = 48;

export interface StoredBatch {
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

export interface EntryBytes {
  /** One JSON entry each. */
  items: Buffer[];
  /** The seq of the last one (afterSeq when there is none). */
  lastSeq: number;
}

export interface EventStoreOptions {
  cap: number;
  maxBytes: number;
  now: () => number;
}

export interface StoreCounts {
  recorded: number;
  dropped: number;
  kept: number;
  bytes: number;
}

export interface EventStore {
  /** The batch these events would be, numbered after the last one; nothing is kept until commit. */
  prepare(input: RecordInput): StoredBatch;
  /** Keeps a prepared batch (the latest one prepared) and applies both caps. */
  commit(batch: StoredBatch): void;
  /** Matching entries with seq > afterSeq, oldest first, at most `max`. */
  collect(filter: JournalFilter, afterSeq: number, max: number): JournalEntry[];
  /**
   * The same entries as JSON bytes, their events exactly as received (never parsed): at most
   * `max` of them and, past the first, at most `maxBytes` in all.
   */
  collectBytes(filter: JournalFilter, afterSeq: number, max: number, maxBytes: number): EntryBytes;
  /** Entries matching the filter, its limit ignored. */
  count(filter: JournalFilter): number;
  markUndelivered(requestId: string, firstSeq: number): void;
  /** What is kept after filter.since, by name and app (for a wait that timed out). */
  describeArrivals(filter: JournalFilter): string;
  counts(): StoreCounts;
  /** Empties the store and its counters; seqs go on from where they were. */
  clear(): void;
}

const charsBytes = (s: string) => s.length * 2; // a V8 string is at most 2 bytes per UTF-16 unit

/** Whether the batch's i-th event matches the filter. */
export function matches(filter: JournalFilter, b: StoredBatch, i: number): boolean {
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

export function entryOf(b: StoredBatch, i: number, events: TgaEvent[]): JournalEntry {
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

export function createEventStore(options: EventStoreOptions): EventStore {
  const { cap, maxBytes, now } = options;
  const batches = createQueue<StoredBatch>();
  let seq = 0;
  let recorded = 0;
  let dropped = 0;
  let kept = 0;
  let bytes = 0;

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
    while (bytes > maxBytes && batches.length > 0) {
      const b = batches.shift()!;
      dropped += b.count - b.skip;
      kept -= b.count - b.skip;
      bytes -= b.bytes;
    }
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

  return {
    prepare({ requestId, appName, events, raw, receivedAt, kind }) {
      const text = raw ? ownCopy(raw) : Buffer.from(JSON.stringify(events));
      // A fingerprint has no event name: an event_name filter never matches it.
      const names = events.map((e) =>
        kind !== 'fingerprint' && typeof e.event_name === 'string' ? e.event_name : '\u0000',
      );
      return {
        firstSeq: seq + 1,
        count: events.length,
        skip: 0,
        receivedAt: receivedAt ?? new Date(now()).toISOString(),
        requestId,
        appName,
        names,
        raw: text,
        bytes: text.length + BATCH_OVERHEAD + names.reduce((n, s) => n + EVENT_OVERHEAD + charsBytes(s), 0),
        ...(kind === 'fingerprint' ? { fingerprint: true as const } : {}),
      };
    },
    commit(batch) {
      seq += batch.count;
      recorded += batch.count;
      kept += batch.count;
      bytes += batch.bytes;
      batches.push(batch);
      enforceCaps();
    },
    collect(filter, afterSeq, max) {
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
    },
    collectBytes(filter, afterSeq, max, maxBytes) {
      const items: Buffer[] = [];
      let lastSeq = afterSeq;
      let used = 0;
      for (let k = firstBatchAfter(afterSeq); k < batches.length && items.length < max; k++) {
        const b = batches.at(k);
        let spans: number[] | undefined;
        let parsed: TgaEvent[] | undefined;
        for (let i = b.skip; i < b.count && items.length < max; i++) {
          const s = b.firstSeq + i;
          if (s <= afterSeq || !matches(filter, b, i)) continue;
          spans ??= spansOf(b);
          let item: Buffer;
          if (spans) item = entryBytes(b, i, spans);
          else item = Buffer.from(JSON.stringify(entryOf(b, i, (parsed ??= parseBatch(b)))));
          if (items.length > 0 && used + item.length > maxBytes) return { items, lastSeq };
          items.push(item);
          used += item.length;
          lastSeq = s;
        }
      }
      return { items, lastSeq };
    },
    count(filter) {
      let n = 0;
      for (let k = firstBatchAfter(filter.since ?? 0); k < batches.length; k++) {
        const b = batches.at(k);
        for (let i = b.skip; i < b.count; i++) if (matches(filter, b, i)) n++;
      }
      return n;
    },
    markUndelivered(requestId, firstSeq) {
      const k = firstBatchAfter(firstSeq - 1);
      if (k >= batches.length) return;
      const b = batches.at(k);
      if (b.firstSeq === firstSeq && b.requestId === requestId) b.undelivered = true;
    },
    describeArrivals(filter) {
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
    },
    counts: () => ({ recorded, dropped, kept, bytes }),
    clear() {
      batches.clear();
      recorded = 0;
      dropped = 0;
      kept = 0;
      bytes = 0;
    },
  };
}
