// Waits for events not yet recorded (waitForEvents, GET /__mock/events?min=N long polls). Bounds: at
// most MAX_WAITERS pending at once (more are refused at once), each for its timeout (default
// DEFAULT_WAIT_MS); a waiter keeps only a count of what matched so far, never the entries.
import { DEFAULT_QUERY_LIMIT } from './filter';
import { matches, type EventStore, type StoredBatch } from './eventStore';
import type { JournalEntry, JournalFilter, WaitOptions } from './types';

/** How long a wait lasts when it names no timeout (waitForEvents, GET /__mock/events without wait_ms). */
export const DEFAULT_WAIT_MS = 5000;
/** Pending waiters at once (waitForEvents, long polls); more are refused. */
export const MAX_WAITERS = 256;

interface Waiter {
  filter: JournalFilter;
  need: number;
  seen: number;
  done: (ok: boolean) => void;
}

export interface Waiters {
  wait(filter: JournalFilter, options?: WaitOptions): Promise<JournalEntry[]>;
  /** Counts a just-recorded batch towards every waiter, resolving those it satisfies. */
  recorded(batch: StoredBatch): void;
  /** The store was emptied: what each waiter had seen is gone too. */
  cleared(): void;
  /** Rejects every pending waiter (the journal is closing). */
  rejectAll(): void;
}

export function createWaiters(store: Pick<EventStore, 'collect' | 'count' | 'describeArrivals'>): Waiters {
  const waiters = new Set<Waiter>();
  return {
    wait(filter, wait = {}) {
      const need = wait.count ?? 1;
      const timeoutMs = wait.timeoutMs ?? DEFAULT_WAIT_MS;
      const have = store.count(filter);
      const result = () =>
        store.collect(filter, filter.since ?? 0, Math.max(need, filter.limit ?? DEFAULT_QUERY_LIMIT));
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
            const got = store.count(filter);
            reject(
              new Error(
                `waitForEvents: expected ${need} event${need === 1 ? '' : 's'} matching ${JSON.stringify(filter)} ` +
                  `within ${timeoutMs} ms, got ${got}; ${store.describeArrivals({ since: filter.since })}`,
              ),
            );
          },
        };
        const timer = setTimeout(() => waiter.done(false), timeoutMs);
        waiters.add(waiter);
      });
    },
    recorded(batch) {
      for (const w of waiters) {
        for (let i = 0; i < batch.count; i++) if (matches(w.filter, batch, i)) w.seen++;
        if (w.seen >= w.need) w.done(true);
      }
    },
    cleared() {
      for (const w of waiters) w.seen = 0;
    },
    rejectAll() {
      for (const w of [...waiters]) w.done(false);
    },
  };
}
