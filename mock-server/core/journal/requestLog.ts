// What the mock was asked: one entry per POST /events, accepted or not, and the answer counters of
// /__mock/health. Bounds: at most `cap` entries (default 500) and `maxBytes` charged bytes (default
// 32 MiB), the oldest dropped and counted; of each body at most LOGGED_BODY_MAX (16 KiB) is kept, as
// a copy of its own. Headers are kept raw and redacted (the token's signature) only when read.
import { redactToken } from '../../../schema/token';
import { DEFAULT_QUERY_LIMIT } from './filter';
import { createQueue, ownCopy } from './queue';
import type { RequestLogEntry, RequestLogInput } from './types';

export const DEFAULT_REQUEST_LOG_CAP = 500;
export const DEFAULT_REQUEST_LOG_MAX_BYTES = 32 * 1024 * 1024;
/** Bytes of each request body the request log keeps (a copy, independent of the original). */
export const LOGGED_BODY_MAX = 16 * 1024;
/** Fixed charge per logged request (ids, times, the answer, bookkeeping), on top of its bytes. */
const REQUEST_OVERHEAD = 1024;
/**
 * Fixed charge per kept header string (a name or a value), on top of 2 bytes a character: V8's
 * string header and alignment, and its slot in the rawHeaders array. Without it 1,990 short
 * headers were charged a tenth of what they held.
 */
const HEADER_STRING_OVERHEAD = 32;

interface StoredRequest {
  entry: Omit<RequestLogEntry, 'body' | 'body_truncated' | 'headers'> & { rawHeaders: readonly string[] };
  /** At most LOGGED_BODY_MAX bytes of the body, in a buffer of its own (or the journal's copy). */
  body?: Buffer;
  truncated: boolean;
  bytes: number;
}

export interface RequestLogOptions {
  cap?: number;
  maxBytes?: number;
}

export interface RequestLogCounts {
  requests: Record<string, number>;
  requests_dropped: number;
  requests_bytes: number;
  not_delivered: number;
}

export interface RequestLog {
  /** Logs a request; the returned function builds its view (only for someone who looks). */
  add(input: RequestLogInput): () => RequestLogEntry;
  requests(filter?: { since?: number; limit?: number }): RequestLogEntry[];
  latest(maxCount: number, maxBytes: number, size: (e: RequestLogEntry) => number): RequestLogEntry[];
  counts(): RequestLogCounts;
  /** Empties the log and its counters; seqs go on from where they were. */
  clear(): void;
}

// Invalid UTF-8 (or a cut in the middle of a character) becomes U+FFFD in the log's copy.
const LOG_TEXT = new TextDecoder('utf-8');

/**
 * Raw header pairs as a record (repeated names joined), the token's signature redacted. Every name
 * is an own property, kept as sent: `constructor` or `__proto__` is a header like any other (an
 * assignment would have read Object.prototype's, or set the record's prototype).
 */
export function headerRecord(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = name === 'tga-auth-token' ? redactToken(raw[i + 1]) : raw[i + 1];
    const joined = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
    Object.defineProperty(out, name, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function viewOf(r: StoredRequest): RequestLogEntry {
  const { rawHeaders, ...rest } = r.entry;
  const view: RequestLogEntry = { ...rest, headers: headerRecord(rawHeaders) };
  if (r.body !== undefined) {
    const text = LOG_TEXT.decode(r.body);
    if (r.truncated) {
      view.body = `${text}… (${r.entry.body_bytes ?? '?'} bytes in all)`;
      view.body_truncated = true;
    } else {
      try {
        view.body = JSON.parse(text) as unknown;
      } catch {
        view.body = text;
      }
    }
  }
  return view;
}

export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const cap = options.cap ?? DEFAULT_REQUEST_LOG_CAP;
  const maxBytes = options.maxBytes ?? DEFAULT_REQUEST_LOG_MAX_BYTES;
  const log = createQueue<StoredRequest>();
  let seq = 0;
  let bytes = 0;
  let dropped = 0;
  let notDelivered = 0;
  let byStatus: Record<string, number> = {};

  return {
    add(input) {
      const { bodyBytes, bodyOwned, ...rest } = input;
      byStatus[input.status] = (byStatus[input.status] ?? 0) + 1;
      if (!input.delivered) notDelivered++;
      const entry = { seq: ++seq, ...rest };
      let body: Buffer | undefined;
      let truncated = false;
      if (bodyBytes !== undefined) {
        truncated = bodyBytes.length > LOGGED_BODY_MAX;
        // A copy of at most 16 KB: nothing of the original body stays reachable through the log.
        body = bodyOwned && !truncated ? bodyBytes : ownCopy(bodyBytes.subarray(0, LOGGED_BODY_MAX));
        entry.body_bytes ??= bodyBytes.length;
      }
      let headerChars = 0;
      for (const h of entry.rawHeaders) headerChars += h.length;
      const headerBytes = 2 * headerChars + HEADER_STRING_OVERHEAD * entry.rawHeaders.length;
      const stored: StoredRequest = {
        entry,
        body,
        truncated,
        bytes:
          REQUEST_OVERHEAD +
          (body?.length ?? 0) +
          headerBytes +
          2 * (entry.body_note?.length ?? 0) +
          // --upstream: the upstream's answer (at most 64 KiB of body) is kept too.
          (entry.upstream === undefined ? 0 : 2 * JSON.stringify(entry.upstream).length),
      };
      log.push(stored);
      bytes += stored.bytes;
      while (log.length > cap || (bytes > maxBytes && log.length > 0)) {
        bytes -= log.shift()!.bytes;
        dropped++;
      }
      return () => viewOf(stored);
    },
    requests(filter = {}) {
      const out: RequestLogEntry[] = [];
      const max = filter.limit ?? DEFAULT_QUERY_LIMIT;
      for (let k = 0; k < log.length && out.length < max; k++) {
        const r = log.at(k);
        if (filter.since === undefined || r.entry.seq > filter.since) out.push(viewOf(r));
      }
      return out;
    },
    latest(maxCount, maxBytesBudget, size) {
      const out: RequestLogEntry[] = [];
      let used = 0;
      for (let k = log.length - 1; k >= 0 && out.length < maxCount; k--) {
        const view = viewOf(log.at(k));
        used += size(view);
        if (used > maxBytesBudget) break;
        out.push(view);
      }
      return out.reverse();
    },
    counts: () => ({
      requests: { ...byStatus },
      requests_dropped: dropped,
      requests_bytes: bytes,
      not_delivered: notDelivered,
    }),
    clear() {
      log.clear();
      bytes = 0;
      dropped = 0;
      notDelivered = 0;
      byStatus = {};
    },
  };
}
