// The wiring: one Journal over the store, the request log, the feed, the waiters and the sink.
import { ev, loggedRequest, maxBytes } from '../../test-support/journal';
import { createJournal, type JournalMessage } from '.';

describe('journal', () => {
  test('the cap drops the oldest and counts drops; clear empties everything', () => {
    const j = createJournal({ cap: 3, maxBytes });
    for (let i = 0; i < 10; i++) j.record({ requestId: `r${i}`, appName: 'docs', events: [ev('app-init')] });
    const q = j.query();
    expect(q.events.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(q.dropped).toBe(7);
    expect(j.counts()).toMatchObject({ recorded: 10, dropped: 7 });
    j.logRequest(loggedRequest(201));
    j.logRequest(loggedRequest(400));
    j.logRequest(loggedRequest(400));
    expect(j.counts().requests).toEqual({ '201': 1, '400': 2 });
    j.clear();
    expect(j.query()).toEqual({ events: [], total: 0, dropped: 0 });
    expect(j.counts()).toMatchObject({ requests: {}, recorded: 0, dropped: 0, kept: 0, bytes: 0 });
    expect(j.requests()).toEqual([]);
  });

  test('subscribers see events and requests; sink gets one JSON line per event and is closed', async () => {
    const lines: string[] = [];
    let closed = false;
    const j = createJournal({
      cap: 10,
      maxBytes,
      sink: { write: (l) => lines.push(l), close: async () => void (closed = true) },
    });
    const seen: JournalMessage['type'][] = [];
    const off = j.subscribe((m) => seen.push(m.type));
    j.subscribe(() => {
      throw new Error('broken listener');
    });
    j.record({ requestId: 'r', appName: 'docs', events: [ev('app-init'), ev('app-hide')] });
    j.logRequest(loggedRequest(201));
    off();
    j.record({ requestId: 'r', appName: 'docs', events: [ev('app-init')] });
    expect(seen).toEqual(['event', 'event', 'request']);
    const afterClear: JournalMessage['type'][] = [];
    j.subscribe((m) => afterClear.push(m.type));
    j.clear();
    expect(afterClear).toEqual(['clear']);
    // One write per batch, one line per event.
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    const events = lines
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => [e.seq, e.event.event_name])).toEqual([
      [1, 'app-init'],
      [2, 'app-hide'],
      [3, 'app-init'],
    ]);
    await j.close();
    expect(closed).toBe(true);
  });

  test('a required sink that fails refuses the batch: nothing kept, told to no one, no seq used', () => {
    let fail = true;
    const j = createJournal({
      cap: 10,
      maxBytes,
      sinkRequired: true,
      sink: {
        write: () => undefined,
        writeSync: () => {
          if (fail) throw new Error('disk full');
        },
        close: async () => undefined,
      },
    });
    const seen: JournalMessage['type'][] = [];
    j.subscribe((m) => seen.push(m.type));
    expect(j.record({ requestId: 'r1', appName: 'docs', events: [ev('app-init')] })).toEqual({
      ok: false,
      error: 'disk full',
    });
    expect(j.counts()).toMatchObject({ recorded: 0, kept: 0, bytes: 0 });
    expect(seen).toEqual([]);
    fail = false;
    expect(j.record({ requestId: 'r2', appName: 'docs', events: [ev('app-init')] })).toMatchObject({
      ok: true,
      firstSeq: 1,
    });
  });

  test('close rejects pending waits and stops the feed', async () => {
    const j = createJournal({ cap: 10, maxBytes });
    const seen: JournalMessage['type'][] = [];
    j.subscribe((m) => seen.push(m.type));
    const waiting = j.waitFor({ event_name: 'app-init' }, { timeoutMs: 60_000 });
    await j.close();
    await expect(waiting).rejects.toThrow(/expected 1 event matching/);
    j.record({ requestId: 'r', appName: 'docs', events: [ev('app-init')] });
    expect(seen).toEqual([]);
  });
});
