// Strict decoding of GET /__mock/events query parameters: an unknown or malformed filter is a 400
// naming it, never silently ignored (a typo would otherwise return everything).
import type { Decoded } from './faultSpec';
import type { JournalFilter } from './journal';

const KEYS = ['event_name', 'app_name', 'since', 'limit'] as const;
const MAX_LIMIT = 100_000;

export function decodeJournalFilter(query: Record<string, unknown>): Decoded<JournalFilter> {
  const filter: JournalFilter = {};
  for (const [key, raw] of Object.entries(query)) {
    if (!(KEYS as readonly string[]).includes(key))
      return { ok: false, message: `${key}: unknown filter (allowed: ${KEYS.join(', ')})` };
    if (typeof raw !== 'string') return { ok: false, message: `${key}: give it once, as a single value` };
    if (key === 'event_name' || key === 'app_name') {
      filter[key] = raw;
      continue;
    }
    if (!/^\d+$/.test(raw)) return { ok: false, message: `${key}: expected a non-negative integer` };
    const n = Number(raw);
    if (key === 'limit' && (n < 1 || n > MAX_LIMIT))
      return { ok: false, message: `limit: expected an integer from 1 to ${MAX_LIMIT}` };
    filter[key as 'since' | 'limit'] = n;
  }
  return { ok: true, value: filter };
}
