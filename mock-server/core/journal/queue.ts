// The storage primitives of the event store and the request log. Bounds: none of its own — the
// queue holds what its owner pushes, and the owner shifts from the front to stay within its caps.

/** A FIFO queue with O(1) removal at the front (an array and a head index, compacted now and then). */
export interface Queue<T> {
  push(item: T): void;
  shift(): T | undefined;
  first(): T | undefined;
  readonly length: number;
  /** The i-th item from the front (0 = oldest); i must be below length. */
  at(i: number): T;
  clear(): void;
}

export function createQueue<T>(): Queue<T> {
  let items: (T | undefined)[] = [];
  let head = 0;
  return {
    push: (item: T) => void items.push(item),
    shift(): T | undefined {
      if (head >= items.length) return undefined;
      const item = items[head];
      items[head++] = undefined;
      // Compacting only once the dead front outweighs the live rest keeps shift amortised O(1).
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

/** An unpooled copy: a slice of Node's shared 8 KB pool would keep the whole slab alive. */
export function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}
