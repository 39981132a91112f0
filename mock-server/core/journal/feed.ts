// The live feed of the journal (the inspector's stream): every recorded event, every logged request
// and every clear, told to each subscriber as it happens. Bounds: nothing is buffered — a message
// goes to the subscribers there are now, and a subscriber that throws is skipped, never fatal.
import type { JournalMessage } from './types';

export type FeedListener = (message: JournalMessage) => void;

export interface Feed {
  /** Whether anyone listens (views are built only for someone who looks). */
  readonly active: boolean;
  emit(message: JournalMessage): void;
  /** Returns the unsubscribe. */
  subscribe(listener: FeedListener): () => void;
  /** Drops every subscriber (the journal is closing). */
  close(): void;
}

export function createFeed(): Feed {
  const listeners = new Set<FeedListener>();
  return {
    get active() {
      return listeners.size > 0;
    },
    emit(message) {
      for (const l of listeners) {
        try {
          l(message);
        } catch {
          // A broken listener must not break recording.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => listeners.clear(),
  };
}
