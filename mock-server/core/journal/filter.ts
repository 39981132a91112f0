// Strict decoding of GET /__mock/events query parameters: an unknown or malformed filter is a 400
// naming it, never silently ignored (a typo would otherwise return everything). Bounds: limit and
// min at most 100,000, wait_ms at most MAX_WAIT_MS; a query without limit gets DEFAULT_QUERY_LIMIT.
import type { Decoded } from '../faultSpec';
import type { JournalFilter } from './types';

const KEYS = ['event_name', 'app_name', 'kind', 'since', 'limit'] as const;
const WAIT_KEYS = ['min', 'wait_ms'] as const;
const MAX_LIMIT = 100_000;
/** Entries a query (of the journal or the request log) answers when it gives no limit. */
export const DEFAULT_QUERY_LIMIT = 1000;
/** The longest a GET /__mock/events long poll may wait. */
export const MAX_WAIT_MS = 60_000;

/** GET /__mock/events?min=N&wait_ms=T: answer once N entries match, or after T ms. */
export interface JournalWait {
  min: number;
  wait_ms: number;
}

export function decodeJournalFilter(
  query: Record<string, unknown>,
): Decoded<JournalFilter & Partial<JournalWait>> {
  const filter: JournalFilter & Partial<JournalWait> = {};
  for (const [key, raw] of Object.entries(query)) {
    const allowed: readonly string[] = [...KEYS, ...WAIT_KEYS];
    if (!allowed.includes(key))
      return { ok: false, message: `${key}: unknown filter (allowed: ${allowed.join(', ')})` };
    if (typeof raw !== 'string') return { ok: false, message: `${key}: give it once, as a single value` };
    if (key === 'kind') {
      if (raw !== 'event' && raw !== 'fingerprint')
        return { ok: false, message: 'kind: expected event or fingerprint' };
      filter.kind = raw;
      continue;
    }
    if (key === 'event_name' || key === 'app_name') {
      filter[key] = raw;
      continue;
    }
    if (!/^\d+$/.test(raw)) return { ok: false, message: `${key}: expected a non-negative integer` };
    const n = Number(raw);
    if (key === 'limit' && (n < 1 || n > MAX_LIMIT))
      return { ok: false, message: `limit: expected an integer from 1 to ${MAX_LIMIT}` };
    if (key === 'min' && (n < 1 || n > MAX_LIMIT))
      return { ok: false, message: `min: expected an integer from 1 to ${MAX_LIMIT}` };
    if (key === 'wait_ms' && n > MAX_WAIT_MS)
      return { ok: false, message: `wait_ms: expected an integer from 0 to ${MAX_WAIT_MS}` };
    filter[key as 'since' | 'limit' | 'min' | 'wait_ms'] = n;
  }
  if (filter.wait_ms !== undefined && filter.min === undefined)
    return { ok: false, message: 'wait_ms: give min too (how many matching events to wait for)' };
  return { ok: true, value: filter };
}
