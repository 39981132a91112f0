// drained() on a stand-in response and Jest's clock: what counts as a stalled reader, without a
// socket's timing in the way (controlStreams.test.ts covers the same over real sockets).
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { drained } from './streamJson';

/** A response with one page unsent: `take(n)` is the kernel taking n more of its bytes. */
function pendingResponse() {
  const socket = { _bytesDispatched: 4_000_000, _handle: { writeQueueSize: 3_000_000 } };
  const res = Object.assign(new EventEmitter(), { destroyed: false, writableLength: 1_000_000, socket });
  return {
    res: res as unknown as Response,
    take: (n: number) => void (socket._handle.writeQueueSize -= n),
    drain: () => res.emit('drain'),
    listeners: () => res.listenerCount('drain') + res.listenerCount('close'),
  };
}

/** Settles `promise` as far as `ms` of the clock goes; `pending` if it has not by then. */
async function after<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  let out: T | 'pending' = 'pending';
  void promise.then((v) => (out = v));
  await jest.advanceTimersByTimeAsync(ms);
  return out;
}

describe('drained', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a reader that takes nothing for stallMs is cut off, and its listeners go', async () => {
    const r = pendingResponse();
    const wait = drained(r.res, 400);
    expect(await after(wait, 399)).toBe('pending');
    expect(await after(wait, 1)).toBe(false);
    expect(r.listeners()).toBe(0);
  });

  test('a reader that takes some bytes in every window is waited for until it drains', async () => {
    const r = pendingResponse();
    const wait = drained(r.res, 400);
    for (let i = 0; i < 10; i++) {
      await jest.advanceTimersByTimeAsync(300);
      r.take(1);
    }
    expect(await after(wait, 0)).toBe('pending');
    r.drain();
    expect(await after(wait, 0)).toBe(true);
    expect(r.listeners()).toBe(0);
  });

  // CI: a slow reader in the mock's own process was cut off because the process stalled for
  // longer than the timeout (neither side could run, so the window saw nothing taken).
  test('a look that fires late (the mock itself was blocked) starts a fresh window', async () => {
    const r = pendingResponse();
    const wait = drained(r.res, 400);
    await jest.advanceTimersByTimeAsync(200);
    // The event loop is blocked for 1.5 s: the clock moves on, no timer runs, nothing is taken.
    jest.setSystemTime(Date.now() + 1500);
    expect(await after(wait, 200)).toBe('pending');
    // The fresh window is judged as any other: the reader took nothing in it.
    expect(await after(wait, 400)).toBe(false);
  });
});
