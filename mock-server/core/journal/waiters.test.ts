import { ev, maxBytes } from '../../test-support/journal';
import { createJournal } from '.';
import { DEFAULT_WAIT_MS, MAX_WAITERS } from './waiters';

describe('journal: waiters', () => {
  test('waitFor resolves when enough match, and rejects listing what arrived', async () => {
    const j = createJournal({ cap: 100, maxBytes });
    const waiting = j.waitFor({ event_name: 'app-hide' }, { count: 2, timeoutMs: 5000 });
    j.record({ requestId: 'r1', appName: 'docs', events: [ev('app-init'), ev('app-hide')] });
    j.record({ requestId: 'r2', appName: 'docs', events: [ev('app-hide')] });
    expect((await waiting).map((e) => e.seq)).toEqual([2, 3]);
    await expect(j.waitFor({ event_name: 'purchase' }, { timeoutMs: 20 })).rejects.toThrow(
      /expected 1 event matching .*purchase.* got 0; what did arrive: app-init \(app docs\), 2× app-hide \(app docs\)/,
    );
  });

  test(`a wait without a timeout lasts DEFAULT_WAIT_MS (${DEFAULT_WAIT_MS} ms)`, async () => {
    jest.useFakeTimers();
    try {
      const j = createJournal({ cap: 10, maxBytes });
      const waiting = j.waitFor({ event_name: 'app-init' });
      const settled = expect(waiting).rejects.toThrow(`within ${DEFAULT_WAIT_MS} ms, got 0; nothing arrived`);
      jest.advanceTimersByTime(DEFAULT_WAIT_MS);
      await settled;
    } finally {
      jest.useRealTimers();
    }
  });

  test('at most MAX_WAITERS wait at once; a clear forgets what they had seen', async () => {
    const j = createJournal({ cap: 10, maxBytes });
    const pending = Array.from({ length: MAX_WAITERS }, () =>
      j.waitFor({ event_name: 'app-init' }, { count: 2, timeoutMs: 60_000 }),
    );
    await expect(j.waitFor({}, { timeoutMs: 60_000 })).rejects.toThrow(
      `${MAX_WAITERS} waits are pending already`,
    );
    j.record({ requestId: 'r1', appName: 'docs', events: [ev('app-init')] });
    j.clear();
    j.record({ requestId: 'r2', appName: 'docs', events: [ev('app-init')] });
    // Had the clear not reset what they had seen, r2 alone would have resolved them.
    j.record({ requestId: 'r3', appName: 'docs', events: [ev('app-init')] });
    expect((await pending[0]).map((e) => e.request_id)).toEqual(['r2', 'r3']);
    await Promise.all(pending);
  });

  // Issue 21, long-poll fan-out: each waiter's result was read (up to max(min, limit) entries
  // parsed) inside the record() that satisfied it, 50 of them blocking the event loop for seconds.
  test('a waiter reads nothing inside record(): what it returns is read once it has resolved', async () => {
    const j = createJournal({ cap: 10_000, maxBytes });
    for (let i = 0; i < 2000; i++)
      j.record({ requestId: `r${i}`, appName: 'docs', events: [ev('app-init')] });
    const pending = Array.from({ length: 50 }, () => j.waitFor({}, { count: 2001, timeoutMs: 60_000 }));
    const parse = jest.spyOn(JSON, 'parse');
    try {
      j.record({ requestId: 'last', appName: 'docs', events: [ev('app-hide')] });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    for (const entries of await Promise.all(pending)) expect(entries).toHaveLength(2001);
  });
});
