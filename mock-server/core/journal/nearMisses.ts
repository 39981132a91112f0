// Near misses, as WireMock calls them: the requests the mock refused while a wait was pending, so a
// waitForEvents (or a GET /__mock/events long poll) that gives up says why nothing arrived — e.g. a
// token for another origin, answered 403 DOMAIN_MISMATCH — instead of only "got 0". Read from the
// request log after the wait, never kept: bounded by the log's own cap, at most NEAR_MISSES_LISTED
// of them listed.
import type { RequestLog } from './requestLog';
import type { NearMiss, RequestLogEntry } from './types';

export type { NearMiss };

/** Refused requests a timed-out wait lists (the message counts them all). */
export const NEAR_MISSES_LISTED = 20;

/** A wait that gave up, with what the mock refused in that time. */
export class NearMissError extends Error {
  readonly nearMisses: NearMiss[];
  constructor(message: string, nearMisses: NearMiss[], cause: unknown) {
    super(message, { cause });
    this.name = 'Error';
    this.nearMisses = nearMisses;
  }
}

/** The near misses a wait's error carries; none for any other error. */
export function nearMissesOf(error: unknown): NearMiss[] {
  return error instanceof NearMissError ? error.nearMisses : [];
}

function detailOf(entry: RequestLogEntry): string | undefined {
  const { headers, body } = entry.response;
  for (const [name, value] of Object.entries(headers))
    if (name.toLowerCase() === 'tga-mock-detail') return value;
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

function missOf(entry: RequestLogEntry): NearMiss {
  const detail = detailOf(entry);
  return {
    status: entry.status,
    reason: entry.reason,
    ...(detail === undefined ? {} : { detail }),
    request_id: entry.request_id,
    path: entry.path,
  };
}

const lineOf = (m: NearMiss) => `${m.status} ${m.reason}${m.detail === undefined ? '' : ` — ${m.detail}`}`;

/**
 * `1 request refused: 403 DOMAIN_MISMATCH — Origin host …`, identical refusals once with their
 * count (an SDK retries); '' when there were none.
 */
export function describeNearMisses(misses: readonly NearMiss[], total = misses.length): string {
  if (total === 0) return '';
  const counts = new Map<string, number>();
  for (const m of misses) counts.set(lineOf(m), (counts.get(lineOf(m)) ?? 0) + 1);
  const lines = [...counts].map(([line, n]) => (n === 1 ? line : `${line} (×${n})`));
  const more = total > misses.length ? `; and ${total - misses.length} more` : '';
  return `${total} request${total === 1 ? '' : 's'} refused: ${lines.join('; ')}${more}`;
}

/** Where the request log is now: the near misses of a wait are the refusals after this mark. */
const nearMissMark = (log: Pick<RequestLog, 'latest'>): number =>
  log.latest(1, Infinity, () => 0)[0]?.seq ?? 0;

/** The requests refused since `mark` (at most NEAR_MISSES_LISTED of them listed), and how many in all. */
function nearMissesSince(
  log: Pick<RequestLog, 'requests'>,
  mark: number,
): { listed: NearMiss[]; total: number } {
  let total = 0;
  const listed: NearMiss[] = [];
  for (const entry of log.requests({ since: mark, limit: Number.MAX_SAFE_INTEGER })) {
    if (entry.status >= 200 && entry.status < 300) continue;
    total++;
    if (listed.length < NEAR_MISSES_LISTED) listed.push(missOf(entry));
  }
  return { listed, total };
}

/**
 * Runs `wait` and, when it rejects, rejects instead with its message followed by the requests the
 * mock refused since `wait` started (a NearMissError carrying them). A wait that resolves, or
 * rejects with nothing refused in that time, is passed through unchanged.
 */
export async function withNearMisses<T>(
  log: Pick<RequestLog, 'requests' | 'latest'>,
  wait: () => Promise<T>,
): Promise<T> {
  const mark = nearMissMark(log);
  try {
    return await wait();
  } catch (error) {
    const { listed, total } = nearMissesSince(log, mark);
    if (total === 0) throw error;
    const message = `${(error as Error).message}; ${describeNearMisses(listed, total)}`;
    throw new NearMissError(message, listed, error);
  }
}
