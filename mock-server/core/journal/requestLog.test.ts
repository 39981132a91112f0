import { loggedRequest, maxBytes } from '../../test-support/journal';
import { createJournal } from '.';
import { createRequestLog, headerRecord } from './requestLog';

describe('journal: the request log', () => {
  test('the request log is bounded too', () => {
    const j = createJournal({ cap: 1, maxBytes, requestLogCap: 2 });
    for (let i = 0; i < 5; i++) j.logRequest(loggedRequest(400));
    expect(j.requests().map((r) => r.seq)).toEqual([4, 5]);
  });

  test('the request log keeps at most 16 KB of a body, as an independent copy', () => {
    const j = createJournal({ cap: 1, maxBytes });
    const body = Buffer.from('x'.repeat(100_000));
    j.logRequest({ ...loggedRequest(413), bodyBytes: body });
    body.fill(0x79); // the caller reusing its buffer changes nothing logged
    const [e] = j.requests();
    expect(e.body_truncated).toBe(true);
    expect(String(e.body).startsWith('xxxx')).toBe(true);
    expect(String(e.body).length).toBeLessThan(17_000);
    expect(e.body_bytes).toBe(100_000);
    expect(j.counts().requests_bytes).toBeLessThan(40_000);
  });

  test('the request log is bounded in bytes too', () => {
    const j = createJournal({ cap: 1, maxBytes, requestLogMaxBytes: 200_000 });
    for (let i = 0; i < 100; i++)
      j.logRequest({ ...loggedRequest(400), bodyBytes: Buffer.alloc(16 * 1024, 0x61) });
    const c = j.counts();
    expect(c.requests_bytes).toBeLessThanOrEqual(200_000);
    expect(c.requests_dropped).toBeGreaterThan(80);
    expect(c.requests_dropped + j.requests().length).toBe(100);
  });

  test('headers: names lower-cased, repeats joined, the token signature redacted', () => {
    expect(
      headerRecord([
        'Content-Type',
        'application/json',
        'X-A',
        '1',
        'x-a',
        '2',
        'TGA-Auth-Token',
        'claims!sig',
      ]),
    ).toEqual({
      'content-type': 'application/json',
      'x-a': '1, 2',
      'tga-auth-token': 'claims!<signature redacted>',
    });
  });

  test('a whole JSON body reads back parsed, other text as text; undelivered answers are counted', () => {
    const log = createRequestLog();
    const view = log.add({ ...loggedRequest(201), bodyBytes: Buffer.from('[{"a":1}]') });
    log.add({ ...loggedRequest(400), delivered: false, bodyBytes: Buffer.from('not json') });
    expect(view().body).toEqual([{ a: 1 }]);
    expect(log.requests({ since: 1 }).map((r) => r.body)).toEqual(['not json']);
    expect(log.counts()).toMatchObject({ requests: { '201': 1, '400': 1 }, not_delivered: 1 });
    // The newest that fit the byte budget, oldest first.
    expect(log.latest(10, 1, () => 1).map((r) => r.seq)).toEqual([2]);
    log.clear();
    expect(log.counts()).toEqual({ requests: {}, requests_dropped: 0, requests_bytes: 0, not_delivered: 0 });
  });

  // Issue 21: `constructor: hello` was logged as "function Object() { [native code] }, hello" and
  // `__proto__` was dropped (it set the record's prototype instead).
  test('header names are kept as sent, Object.prototype keys included, and nothing is polluted', () => {
    const raw = ['Constructor', 'hello', '__proto__', '{"polluted":true}', 'toString', 'x', 'toString', 'y'];
    const headers = headerRecord(raw);
    expect(Object.keys(headers)).toEqual(['constructor', '__proto__', 'tostring']);
    expect(headers.constructor).toBe('hello');
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toBe('{"polluted":true}');
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(headerRecord(['toString', 'x', 'tostring', 'y']).tostring).toBe('x, y');
    expect(JSON.parse(JSON.stringify(headers))).toEqual(
      JSON.parse('{"constructor":"hello","__proto__":"{\\"polluted\\":true}","tostring":"x, y"}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const j = createJournal({ cap: 1, maxBytes });
    j.logRequest({ ...loggedRequest(400), rawHeaders: raw });
    expect(Object.keys(j.requests()[0].headers)).toEqual(['constructor', '__proto__', 'tostring']);
  });

  // Issue 21: 500 requests of 1,990 short headers were charged 3.6 MB while they held ~47 MB:
  // each header string costs V8 a header and a slot, not only 2 bytes a character.
  test('the request log charges what kept headers cost, not only their characters', () => {
    const log = createRequestLog({ maxBytes: 1024 ** 3 });
    const rawHeaders: string[] = [];
    for (let i = 0; i < 1990; i++) rawHeaders.push(`h${i.toString(36)}`, String(i % 10));
    for (let i = 0; i < 500; i++) log.add({ ...loggedRequest(400), rawHeaders: [...rawHeaders] });
    // At least a 16-byte string header and an 8-byte array slot per kept string.
    expect(log.counts().requests_bytes).toBeGreaterThan(500 * rawHeaders.length * 24);
  });
});
