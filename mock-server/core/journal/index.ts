// What the mock recorded (the event store) and what it was asked (the request log), with counters
// for /__mock/health, a live feed for views, waiters for batching clients and an optional file.
// Each job is a file of this folder with its own bounds; this one only wires them into a Journal.
import { batchLines } from './eventBytes';
import { createEventStore, entryOf } from './eventStore';
import { createFeed } from './feed';
import { writeToSink } from './fileSink';
import { DEFAULT_QUERY_LIMIT } from './filter';
import { nearMissesOf, withNearMisses } from './nearMisses';
import { createRequestLog } from './requestLog';
import type { Journal, JournalOptions } from './types';
import { createWaiters } from './waiters';

export type {
  EntryKind,
  Journal,
  JournalCounts,
  JournalEntry,
  JournalFilter,
  JournalMessage,
  JournalOptions,
  JournalSink,
  RecordInput,
  RecordResult,
  RequestLogEntry,
  RequestLogInput,
  SinkStatus,
  WaitOptions,
  WaitOutcome,
} from './types';
export { DEFAULT_QUERY_LIMIT } from './filter';
export {
  DEFAULT_REQUEST_LOG_CAP,
  DEFAULT_REQUEST_LOG_MAX_BYTES,
  LOGGED_BODY_MAX,
  headerRecord,
} from './requestLog';
export { DEFAULT_WAIT_MS, MAX_WAITERS } from './waiters';
export { NEAR_MISSES_LISTED, nearMissesOf, type NearMiss } from './nearMisses';

export function createJournal(options: JournalOptions): Journal {
  const { sink } = options;
  const store = createEventStore({
    cap: options.cap,
    maxBytes: options.maxBytes,
    now: options.now ?? Date.now,
  });
  const log = createRequestLog({ cap: options.requestLogCap, maxBytes: options.requestLogMaxBytes });
  const feed = createFeed();
  const waiters = createWaiters(store);

  return {
    record(input) {
      const { events } = input;
      const batch = store.prepare(input);
      if (sink) {
        // The events' bytes as received (a number past 2^53 stays what was sent).
        let lines = batchLines(batch);
        if (lines === undefined) {
          lines = '';
          for (let i = 0; i < events.length; i++) lines += JSON.stringify(entryOf(batch, i, events)) + '\n';
        }
        // A required write that failed refuses the batch: nothing is kept, no seq is used.
        const error = writeToSink(sink, options.sinkRequired === true, lines);
        if (error !== undefined) return { ok: false, error };
      }
      store.commit(batch);
      if (feed.active)
        for (let i = 0; i < events.length; i++)
          feed.emit({ type: 'event', entry: entryOf(batch, i, events) });
      waiters.recorded(batch);
      return { ok: true, firstSeq: batch.firstSeq, raw: batch.raw };
    },
    markUndelivered: (requestId, firstSeq) => store.markUndelivered(requestId, firstSeq),
    query(filter = {}) {
      return {
        events: store.collect(filter, filter.since ?? 0, filter.limit ?? DEFAULT_QUERY_LIMIT),
        total: store.count(filter),
        dropped: store.counts().dropped,
      };
    },
    count: (filter = {}) => store.count(filter),
    page: (filter, afterSeq, max) => store.collect(filter, Math.max(afterSeq, filter.since ?? 0), max),
    pageBytes: (filter, afterSeq, max, maxBytes) =>
      store.collectBytes(filter, Math.max(afterSeq, filter.since ?? 0), max, maxBytes),
    // A wait that gives up also names what the mock refused meanwhile (nearMisses.ts).
    waitFor: (filter, wait = {}) =>
      withNearMisses(log, async () => {
        const outcome = await waiters.until(filter, wait);
        if (!outcome.ok) throw new Error(outcome.message);
        // Read once resolved, outside record(): only what this wait returns.
        const need = wait.count ?? 1;
        return store.collect(filter, filter.since ?? 0, Math.max(need, filter.limit ?? DEFAULT_QUERY_LIMIT));
      }),
    // The same wait as an outcome, not a rejection (the long poll answers either way).
    async waitUntil(filter, wait) {
      try {
        return await withNearMisses(log, async () => {
          const outcome = await waiters.until(filter, wait);
          if (!outcome.ok) throw new Error(outcome.message);
          return outcome;
        });
      } catch (error) {
        return { ok: false, message: (error as Error).message, nearMisses: nearMissesOf(error) };
      }
    },
    logRequest(input) {
      const view = log.add(input);
      if (feed.active) feed.emit({ type: 'request', entry: view() });
    },
    requests: (filter) => log.requests(filter),
    latestRequests: (maxCount, maxBytes, size) => log.latest(maxCount, maxBytes, size),
    counts() {
      const stored = store.counts();
      const logged = log.counts();
      // The key order is the one /__mock/health has always shown.
      return {
        requests: logged.requests,
        recorded: stored.recorded,
        dropped: stored.dropped,
        kept: stored.kept,
        bytes: stored.bytes,
        requests_dropped: logged.requests_dropped,
        requests_bytes: logged.requests_bytes,
        not_delivered: logged.not_delivered,
        ...(sink?.status ? { file: sink.status() } : {}),
      };
    },
    clear() {
      store.clear();
      log.clear();
      waiters.cleared();
      feed.emit({ type: 'clear' });
    },
    subscribe: (listener) => feed.subscribe(listener),
    async close() {
      feed.close();
      waiters.rejectAll();
      await sink?.close();
    },
  };
}
