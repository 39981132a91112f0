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
  delivered: true,
  headers: {},
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
    expect(j.counts()).toMatchObject({ requests: {}, recorded: 0, dropped: 0, kept: 0, bytes: 0 });
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
});

describe('journal: bounded in bytes, copies, paging, waiting', () => {
  const bigEvent = (n: number) =>
    ({ event_name: 'custom-event', app_name: 'docs', pad: 'x'.repeat(n) }) as unknown as TgaEvent;

  test('the byte cap drops the oldest batches and counts them', () => {
    const j = createJournal({ cap: 1_000_000, maxBytes: 50_000 });
    for (let i = 0; i < 100; i++) j.record(`r${i}`, 'docs', [bigEvent(1000)]);
    const c = j.counts();
    expect(c.bytes).toBeLessThanOrEqual(50_000);
    expect(c.kept).toBeGreaterThan(10);
    expect(c.kept + c.dropped).toBe(100);
    expect(j.query().events[0].seq).toBe(c.dropped + 1);
  });

  test('the count cap drops single events out of a batch', () => {
    const j = createJournal({ cap: 3 });
    j.record('a', 'docs', [ev('e1'), ev('e2'), ev('e3')]);
    j.record('b', 'docs', [ev('e4'), ev('e5')]);
    expect(j.query().events.map((e) => e.event.event_name)).toEqual(['e3', 'e4', 'e5']);
    expect(j.counts()).toMatchObject({ kept: 3, dropped: 2 });
  });

  test('keeps the raw JSON it was given, and each query is a fresh copy', () => {
    const j = createJournal({ cap: 10 });
    const raw = Buffer.from(JSON.stringify({ event_name: 'app-init', app_name: 'docs' }));
    j.record('r', 'docs', [JSON.parse(raw.toString()) as TgaEvent], raw);
    raw.fill(0x20); // the caller reusing its buffer changes nothing recorded
    const first = j.query().events[0];
    (first.event as unknown as Record<string, unknown>).event_name = 'rewritten';
    expect(j.query().events[0].event.event_name).toBe('app-init');
  });

  test('pages by seq with a filter', () => {
    const j = createJournal({ cap: 100 });
    for (let i = 0; i < 10; i++) j.record(`r${i}`, 'docs', [ev('a'), ev('b')]);
    expect(j.page({ event_name: 'b' }, 0, 3).map((e) => e.seq)).toEqual([2, 4, 6]);
    expect(j.page({ event_name: 'b' }, 6, 3).map((e) => e.seq)).toEqual([8, 10, 12]);
    expect(j.count({ event_name: 'b', since: 10 })).toBe(5);
  });

  test('waitFor resolves when enough match, and rejects listing what arrived', async () => {
    const j = createJournal({ cap: 100 });
    const waiting = j.waitFor({ event_name: 'app-hide' }, { count: 2, timeoutMs: 5000 });
    j.record('r1', 'docs', [ev('app-init'), ev('app-hide')]);
    j.record('r2', 'docs', [ev('app-hide')]);
    expect((await waiting).map((e) => e.seq)).toEqual([2, 3]);
    await expect(j.waitFor({ event_name: 'purchase' }, { timeoutMs: 20 })).rejects.toThrow(
      /expected 1 event matching .*purchase.* got 0; what did arrive: app-init \(app docs\), 2× app-hide \(app docs\)/,
    );
  });

  test('the request log keeps at most 16 KB of a body, as an independent copy', () => {
    const j = createJournal({ cap: 1 });
    const body = Buffer.from('x'.repeat(100_000));
    j.logRequest({ ...request(413), bodyBytes: body });
    body.fill(0x79); // the caller reusing its buffer changes nothing logged
    const [e] = j.requests();
    expect(e.body_truncated).toBe(true);
    expect(String(e.body).startsWith('xxxx')).toBe(true);
    expect(String(e.body).length).toBeLessThan(17_000);
    expect(e.body_bytes).toBe(100_000);
    expect(j.counts().requests_bytes).toBeLessThan(40_000);
  });

  test('the request log is bounded in bytes too', () => {
    const j = createJournal({ cap: 1, requestLogMaxBytes: 200_000 });
    for (let i = 0; i < 100; i++) j.logRequest({ ...request(400), bodyBytes: Buffer.alloc(16 * 1024, 0x61) });
    const c = j.counts();
    expect(c.requests_bytes).toBeLessThanOrEqual(200_000);
    expect(c.requests_dropped).toBeGreaterThan(80);
    expect(c.requests_dropped + j.requests().length).toBe(100);
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
