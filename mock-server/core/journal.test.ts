import type { TgaEvent } from '../../schema';
import { createJournal, type JournalMessage } from './journal';
import { decodeJournalFilter } from './journalFilter';

const ev = (event_name: string, app_name = 'docs') => ({ event_name, app_name }) as unknown as TgaEvent;
const request = (status: number) => ({
  received_at: '2026-01-01T00:00:00.000Z',
  request_id: 'r',
  method: 'POST',
  path: '/events',
  status,
  reason: 'X',
  response: { status, headers: {}, body: {} },
  duration_ms: 1,
});

describe('journal', () => {
  test('records batches in order with seq, time and request id; filters and limits', () => {
    const j = createJournal({ cap: 100, now: () => Date.UTC(2026, 0, 1) });
    j.record('r1', 'docs', [ev('app-init'), ev('app-hide')]);
    j.record('r2', 'shop', [ev('app-init', 'shop')]);
    const all = j.query();
    expect(all.total).toBe(3);
    expect(all.events.map((e) => [e.seq, e.request_id, e.app_name, e.event.event_name])).toEqual([
      [1, 'r1', 'docs', 'app-init'],
      [2, 'r1', 'docs', 'app-hide'],
      [3, 'r2', 'shop', 'app-init'],
    ]);
    expect(all.events[0].received_at).toBe('2026-01-01T00:00:00.000Z');
    expect(j.query({ event_name: 'app-init' }).events.map((e) => e.seq)).toEqual([1, 3]);
    expect(j.query({ app_name: 'shop' }).events.map((e) => e.seq)).toEqual([3]);
    expect(j.query({ since: 1 }).events.map((e) => e.seq)).toEqual([2, 3]);
    expect(j.query({ limit: 2 })).toMatchObject({ total: 3, events: [{ seq: 1 }, { seq: 2 }] });
  });

  test('the cap drops the oldest and counts drops; clear empties everything', () => {
    const j = createJournal({ cap: 3 });
    for (let i = 0; i < 10; i++) j.record(`r${i}`, 'docs', [ev('app-init')]);
    const q = j.query();
    expect(q.events.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(q.dropped).toBe(7);
    expect(j.counts()).toMatchObject({ recorded: 10, dropped: 7 });
    j.logRequest(request(201));
    j.logRequest(request(400));
    j.logRequest(request(400));
    expect(j.counts().requests).toEqual({ '201': 1, '400': 2 });
    j.clear();
    expect(j.query()).toEqual({ events: [], total: 0, dropped: 0 });
    expect(j.counts()).toEqual({ requests: {}, recorded: 0, dropped: 0 });
    expect(j.requests()).toEqual([]);
  });

  test('the request log is bounded too', () => {
    const j = createJournal({ cap: 1, requestLogCap: 2 });
    for (let i = 0; i < 5; i++) j.logRequest(request(400));
    expect(j.requests().map((r) => r.seq)).toEqual([4, 5]);
  });

  test('subscribers see events and requests; sink gets one JSON line per event and is closed', async () => {
    const lines: string[] = [];
    let closed = false;
    const j = createJournal({
      cap: 10,
      sink: { write: (l) => lines.push(l), close: async () => void (closed = true) },
    });
    const seen: JournalMessage['type'][] = [];
    const off = j.subscribe((m) => seen.push(m.type));
    j.subscribe(() => {
      throw new Error('broken listener');
    });
    j.record('r', 'docs', [ev('app-init'), ev('app-hide')]);
    j.logRequest(request(201));
    off();
    j.record('r', 'docs', [ev('app-init')]);
    expect(seen).toEqual(['event', 'event', 'request']);
    const afterClear: JournalMessage['type'][] = [];
    j.subscribe((m) => afterClear.push(m.type));
    j.clear();
    expect(afterClear).toEqual(['clear']);
    expect(lines.map((l) => JSON.parse(l).event.event_name)).toEqual(['app-init', 'app-hide', 'app-init']);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    await j.close();
    expect(closed).toBe(true);
  });
});

describe('journal filter decoding', () => {
  test('accepts the four filters', () => {
    expect(
      decodeJournalFilter({ event_name: 'app-init', app_name: 'docs', since: '3', limit: '10' }),
    ).toEqual({
      ok: true,
      value: { event_name: 'app-init', app_name: 'docs', since: 3, limit: 10 },
    });
  });
  test.each([
    [{ evnt_name: 'x' }, 'evnt_name'],
    [{ since: '-1' }, 'since'],
    [{ limit: '0' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ app_name: ['a', 'b'] }, 'app_name'],
  ])('rejects %j naming %s', (query, field) => {
    const r = decodeJournalFilter(query);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(`${field}:`)).toBe(true);
  });
});
