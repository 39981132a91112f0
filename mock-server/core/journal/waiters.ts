// Waits for events not yet recorded (waitForEvents, GET /__mock/events?min=N long polls). Bounds: at
// most MAX_WAITERS pending at once (more are refused at once), each for its timeout (default
// DEFAULT_WAIT_MS) or until its signal aborts (a long poll whose client went). A waiter keeps only a
// count of what matched so far, never the entries: recording a batch costs each waiter a look at
// that batch's names, and whatever it returns is read after it resolved, never inside record().
import { matches, type EventStore, type StoredBatch } from './eventStore';
import type { JournalFilter, WaitOptions, WaitOutcome } from './types';

/** How long a wait lasts when it names no timeout (waitForEvents, GET /__mock/events without wait_ms). */
export const DEFAULT_WAIT_MS = 5000;
/** Pending waiters at once (waitForEvents, long polls); more are refused. */
export const MAX_WAITERS = 256;

interface Waiter {
  filter: JournalFilter;
  need: number;
  seen: number;
  done: (outcome: 'met' | 'timeout' | 'cancelled') => void;
}

export interface Waiters {
  /**
   * Resolves once `count` entries match (ok), or at the timeout, when the journal closes or when
   * `signal` aborts (not ok, saying what arrived). Rejects at once when MAX_WAITERS are pending.
   */
  until(filter: JournalFilter, options?: WaitOptions & { signal?: AbortSignal }): Promise<WaitOutcome>;
  /** Counts a just-recorded batch towards every waiter, resolving those it satisfies. */
  recorded(batch: StoredBatch): void;
  /** The store was emptied: what each waiter had seen is gone too. */
  cleared(): void;
  /** Ends every pending waiter, not met (the journal is closing). */
  rejectAll(): void;
}

export function createWaiters(store: Pick<EventStore, 'count' | 'describeArrivals'>): Waiters {
  const waiters = new Set<Waiter>();
  return {
    until(filter, wait = {}) {
      const need = wait.count ?? 1;
      const timeoutMs = wait.timeoutMs ?? DEFAULT_WAIT_MS;
      const have = store.count(filter);
      if (have >= need) return Promise.resolve({ ok: true });
      if (waiters.size >= MAX_WAITERS)
        return Promise.reject(
          new Error(`waitForEvents: ${MAX_WAITERS} waits are pending already; none more`),
        );
      const { signal } = wait;
      if (signal?.aborted) return Promise.resolve({ ok: false, message: 'waitForEvents: cancelled' });
      return new Promise((resolve) => {
        const onAbort = () => waiter.done('cancelled');
        const waiter: Waiter = {
          filter,
          need,
          seen: have,
          done(outcome) {
            waiters.delete(waiter);
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            if (outcome === 'met') return resolve({ ok: true });
            if (outcome === 'cancelled') return resolve({ ok: false, message: 'waitForEvents: cancelled' });
            const got = store.count(filter);
            resolve({
              ok: false,
              message:
                `waitForEvents: expected ${need} event${need === 1 ? '' : 's'} matching ${JSON.stringify(filter)} ` +
                `within ${timeoutMs} ms, got ${got}; ${store.describeArrivals({ since: filter.since })}`,
            });
          },
        };
        const timer = setTimeout(() => waiter.done('timeout'), timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.add(waiter);
      });
    },
    recorded(batch) {
      for (const w of waiters) {
        for (let i = 0; i < batch.count; i++) if (matches(w.filter, batch, i)) w.seen++;
        if (w.seen >= w.need) w.done('met');
      }
    },
    cleared() {
      for (const w of waiters) w.seen = 0;
    },
    rejectAll() {
      for (const w of [...waiters]) w.done('timeout');
    },
  };
}
