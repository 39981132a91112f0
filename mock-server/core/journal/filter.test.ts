import { decodeJournalFilter } from './filter';

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
