import { createQueue, ownCopy } from './queue';

describe('journal: the queue', () => {
  test('first in, first out, indexed from the oldest, across compactions', () => {
    const q = createQueue<number>();
    for (let i = 0; i < 5000; i++) q.push(i);
    for (let i = 0; i < 3000; i++) expect(q.shift()).toBe(i);
    expect(q.length).toBe(2000);
    expect(q.first()).toBe(3000);
    expect(q.at(0)).toBe(3000);
    expect(q.at(1999)).toBe(4999);
    q.clear();
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
  });

  test('ownCopy is an unpooled copy', () => {
    const original = Buffer.from('abc');
    const copy = ownCopy(original);
    original.fill(0x78);
    expect(copy.toString()).toBe('abc');
    expect(copy.buffer.byteLength).toBe(3); // not a slice of Node's shared pool
  });
});
