// Reading the mock's journal (GET /__mock/events) for the events of this run: the only window the
// suite has into what a server stored, so it exists on the mock only.
import { canonicalJson } from '../../schema/json/canonicalJson';
import type { CheckContext } from '../run/checkContext';
import type { JsonObject } from '../run/types';

/** One entry of the mock's journal as the suite reads it over HTTP. */
interface ObservedJournalEntry {
  seq: number;
  event: JsonObject;
}

const PAGE = 1000;
const MAX_PAGES = 50;

/** Journal entries of this run for the token's app, optionally only those one check tagged. */
export async function journalOfRun(ctx: CheckContext, checkName?: string): Promise<JsonObject[]> {
  const found: JsonObject[] = [];
  let since = 0;
  const appName = ctx.server.app.app_name;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await ctx.control.journalPage({ appName, since, limit: PAGE });
    const entries = (res.json as { events?: ObservedJournalEntry[] } | undefined)?.events;
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

/** Fails the check if the mock stored any event this check sent (a rejected batch must leave none). */
export async function expectBatchNotStored(ctx: CheckContext): Promise<void> {
  const stored = await journalOfRun(ctx, ctx.name);
  if (stored.length)
    ctx.fail({
      aspect: 'journal',
      message: 'events of the rejected batch were stored',
      expected: [],
      got: stored,
    });
}

/** Events in `a` not matched one-for-one in `b` (compared as key-order independent JSON). */
export function multisetMinus(a: JsonObject[], b: JsonObject[]): JsonObject[] {
  const counts = new Map<string, number>();
  for (const e of b) counts.set(canonicalJson(e), (counts.get(canonicalJson(e)) ?? 0) + 1);
  return a.filter((e) => {
    const n = counts.get(canonicalJson(e)) ?? 0;
    if (n > 0) counts.set(canonicalJson(e), n - 1);
    return n === 0;
  });
}
