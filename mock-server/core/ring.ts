// A fixed-capacity ring: pushing past capacity overwrites the oldest item, so memory stays flat
// however long the mock runs.
export interface Ring<T> {
  push(item: T): boolean;
  toArray(): T[];
  clear(): void;
  readonly size: number;
}

/** push returns true when an old item was dropped to make room. */
export function createRing<T>(capacity: number): Ring<T> {
  let items: (T | undefined)[] = new Array<T | undefined>(capacity);
  let start = 0;
  let size = 0;
  return {
    push(item) {
      if (capacity === 0) return true;
      if (size < capacity) {
        items[(start + size) % capacity] = item;
        size += 1;
        return false;
      }
      items[start] = item;
      start = (start + 1) % capacity;
      return true;
    },
    toArray() {
      const out: T[] = [];
      for (let i = 0; i < size; i++) out.push(items[(start + i) % capacity] as T);
      return out;
    },
    clear() {
      items = new Array<T | undefined>(capacity);
      start = 0;
      size = 0;
    },
    get size() {
      return size;
    },
  };
}
