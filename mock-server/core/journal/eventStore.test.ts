import type { TgaEvent } from '../../../schema';
import { ev, maxBytes } from '../../test-support/journal';
import { createJournal } from '.';
import { createEventStore } from './eventStore';

describe('journal: the event store', () => {
  test('records batches in order with seq, time and request id; filters and limits', () => {
    const j = createJournal({ cap: 100, maxBytes, now: () => Date.UTC(2026, 0, 1) });
    j.record({ requestId: 'r1', appName: 'docs', events: [ev('app-init'), ev('app-hide')] });
    j.record({ requestId: 'r2', appName: 'shop', events: [ev('app-init', 'shop')] });
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

  const bigEvent = (n: number) =>
    ({ event_name: 'custom-event', app_name: 'docs', pad: 'x'.repeat(n) }) as unknown as TgaEvent;

  test('the byte cap drops the oldest batches and counts them', () => {
    const j = createJournal({ cap: 1_000_000, maxBytes: 50_000 });
    for (let i = 0; i < 100; i++) j.record({ requestId: `r${i}`, appName: 'docs', events: [bigEvent(1000)] });
    const c = j.counts();
    expect(c.bytes).toBeLessThanOrEqual(50_000);
    expect(c.kept).toBeGreaterThan(10);
    expect(c.kept + c.dropped).toBe(100);
    expect(j.query().events[0].seq).toBe(c.dropped + 1);
  });

  test('the count cap drops single events out of a batch', () => {
    const j = createJournal({ cap: 3, maxBytes });
    j.record({ requestId: 'a', appName: 'docs', events: [ev('e1'), ev('e2'), ev('e3')] });
    j.record({ requestId: 'b', appName: 'docs', events: [ev('e4'), ev('e5')] });
    expect(j.query().events.map((e) => e.event.event_name)).toEqual(['e3', 'e4', 'e5']);
    expect(j.counts()).toMatchObject({ kept: 3, dropped: 2 });
  });

  test('keeps the raw JSON it was given, and each query is a fresh copy', () => {
    const j = createJournal({ cap: 10, maxBytes });
    const raw = Buffer.from(JSON.stringify({ event_name: 'app-init', app_name: 'docs' }));
    j.record({ requestId: 'r', appName: 'docs', events: [JSON.parse(raw.toString()) as TgaEvent], raw });
    raw.fill(0x20); // the caller reusing its buffer changes nothing recorded
    const first = j.query().events[0];
    (first.event as unknown as Record<string, unknown>).event_name = 'rewritten';
    expect(j.query().events[0].event.event_name).toBe('app-init');
  });

  test('pages by seq with a filter', () => {
    const j = createJournal({ cap: 100, maxBytes });
    for (let i = 0; i < 10; i++)
      j.record({ requestId: `r${i}`, appName: 'docs', events: [ev('a'), ev('b')] });
    expect(j.page({ event_name: 'b' }, 0, 3).map((e) => e.seq)).toEqual([2, 4, 6]);
    expect(j.page({ event_name: 'b' }, 6, 3).map((e) => e.seq)).toEqual([8, 10, 12]);
    expect(j.count({ event_name: 'b', since: 10 })).toBe(5);
  });

  test('a prepared batch is kept only once committed, and takes the next seqs', () => {
    const store = createEventStore({ cap: 10, maxBytes, now: () => 0 });
    const refused = store.prepare({ requestId: 'r1', appName: 'docs', events: [ev('a')] });
    expect(refused.firstSeq).toBe(1);
    expect(store.count({})).toBe(0);
    const kept = store.prepare({ requestId: 'r2', appName: 'docs', events: [ev('a'), ev('b')] });
    expect(kept.firstSeq).toBe(1);
    store.commit(kept);
    expect(store.counts()).toMatchObject({ recorded: 2, kept: 2 });
    expect(store.collect({}, 0, 10).map((e) => [e.seq, e.request_id, e.received_at])).toEqual([
      [1, 'r2', '1970-01-01T00:00:00.000Z'],
      [2, 'r2', '1970-01-01T00:00:00.000Z'],
    ]);
    // Seqs go on after a clear: a reader paging by seq never sees one twice.
    store.clear();
    expect(store.prepare({ requestId: 'r3', appName: 'docs', events: [ev('a')] }).firstSeq).toBe(3);
  });

  test('fingerprints: kind filter, no event name, and marked undelivered by request and seq', () => {
    const store = createEventStore({ cap: 10, maxBytes, now: () => 0 });
    const add = (requestId: string, kind?: 'fingerprint') =>
      store.commit(store.prepare({ requestId, appName: 'docs', events: [ev('app-init')], kind }));
    add('e1');
    add('f1', 'fingerprint');
    expect(store.count({ kind: 'fingerprint' })).toBe(1);
    expect(store.count({ event_name: 'app-init' })).toBe(1);
    store.markUndelivered('other', 2); // another request's seq: nothing marked
    expect(store.collect({}, 0, 10).map((e) => e.delivered)).toEqual([undefined, undefined]);
    store.markUndelivered('f1', 2);
    expect(store.collect({}, 0, 10).map((e) => [e.kind, e.delivered])).toEqual([
      [undefined, undefined],
      ['fingerprint', false],
    ]);
    expect(store.describeArrivals({})).toBe('what did arrive: app-init (app docs), a fingerprint (app docs)');
  });
});
