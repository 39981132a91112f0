// Reading the mock's journal (GET /__mock/events) for the events of this run: the only window the
// suite has into what a server stored, so it exists on the mock only.
import type { CheckContext, JsonObject } from '../checkContext';

interface JournalEntry {
  seq: number;
  event: JsonObject;
}

const PAGE = 1000;
const MAX_PAGES = 50;

/** Journal entries of this run for the token's app, optionally only those one check tagged. */
export async function journalOfRun(ctx: CheckContext, checkName?: string): Promise<JsonObject[]> {
  const found: JsonObject[] = [];
  let since = 0;
  const app = encodeURIComponent(ctx.target.app.app_name);
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await ctx.control('GET', `/__mock/events?app_name=${app}&since=${since}&limit=${PAGE}`);
    const entries = (res.json as { events?: JournalEntry[] } | undefined)?.events;
    if (res.status !== 200 || !Array.isArray(entries)) {
      throw new Error(`GET /__mock/events answered ${res.status} ${JSON.stringify(res.json)}`);
    }
    for (const entry of entries) {
      const custom = (entry.event?.custom_data ?? {}) as JsonObject;
      if (custom.conformance_run === ctx.runId && (!checkName || custom.conformance_check === checkName)) {
        found.push(entry.event);
      }
      since = Math.max(since, entry.seq);
    }
    if (entries.length < PAGE) break;
  }
  return found;
}

/** Key-order independent identity of an event, for multiset comparison. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as JsonObject)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as JsonObject)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Events in `a` not matched one-for-one in `b`. */
export function multisetMinus(a: JsonObject[], b: JsonObject[]): JsonObject[] {
  const counts = new Map<string, number>();
  for (const e of b) counts.set(canonical(e), (counts.get(canonical(e)) ?? 0) + 1);
  return a.filter((e) => {
    const n = counts.get(canonical(e)) ?? 0;
    if (n > 0) counts.set(canonical(e), n - 1);
    return n === 0;
  });
}
