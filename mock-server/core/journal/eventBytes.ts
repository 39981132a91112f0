// The recorded events as the bytes that were received. A stored batch's JSON text is cut into its
// events by a scan of its bytes, never parsed and re-serialised: JSON.parse would round an integer
// past 2^53 (`user_id: 9007199254740993` read back as …992). The HTTP view (GET /__mock/events) and
// the journal file are written from these bytes; only the in-process views parse. Bounds: none of
// its own — a scan touches one batch, and an entry is its event's bytes plus a fixed head and tail.
import type { StoredBatch } from './eventStore';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The [start, end) byte ranges of the events of a batch's JSON text, flat (start0, end0, start1…):
 * the elements of a top-level array, or the one value a single-event body is. The text was parsed
 * when it was accepted, so the scan only tracks strings and nesting.
 */
export function eventSpans(raw: Buffer): number[] {
  let i = 0;
  const n = raw.length;
  if (n >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) i = 3;
  while (i < n && isSpace(raw[i])) i++;
  if (raw[i] !== 0x5b) {
    let end = n;
    while (end > i && isSpace(raw[end - 1])) end--;
    return [i, end];
  }
  const spans: number[] = [];
  let depth = 0;
  let start = -1;
  let last = -1;
  let inString = false;
  for (i++; i < n; i++) {
    const c = raw[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        inString = false;
        last = i;
      }
      continue;
    }
    if (isSpace(c)) continue;
    if (depth === 0 && (c === 0x2c || c === 0x5d)) {
      if (start >= 0) spans.push(start, last + 1);
      start = -1;
      if (c === 0x5d) break;
      continue;
    }
    if (start < 0) start = i;
    last = i;
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return spans;
}

/** The spans of a batch's events, or undefined if its text does not hold `count` of them (never expected). */
export function spansOf(b: StoredBatch): number[] | undefined {
  const spans = eventSpans(b.raw);
  return spans.length === 2 * b.count ? spans : undefined;
}

/** The JSON of the batch's i-th entry before its event's bytes: `{"seq":…,…,"event":`. */
export function entryHead(b: StoredBatch, i: number): string {
  return (
    `{"seq":${b.firstSeq + i},"received_at":${JSON.stringify(b.receivedAt)},` +
    `"request_id":${JSON.stringify(b.requestId)},"app_name":${JSON.stringify(b.appName)},"event":`
  );
}

/** The JSON of an entry after its event's bytes (the key order of JournalEntry). */
export function entryTail(b: StoredBatch): string {
  return `${b.fingerprint ? ',"kind":"fingerprint"' : ''}${b.undelivered ? ',"delivered":false' : ''}}`;
}

/** The batch's i-th entry as JSON bytes, its event exactly as received. */
export function entryBytes(b: StoredBatch, i: number, spans: number[]): Buffer {
  const head = entryHead(b, i);
  const tail = entryTail(b);
  const start = spans[2 * i];
  const end = spans[2 * i + 1];
  const headLength = Buffer.byteLength(head);
  const out = Buffer.allocUnsafe(headLength + (end - start) + tail.length);
  out.write(head, 0);
  b.raw.copy(out, headLength, start, end);
  out.write(tail, headLength + (end - start), 'latin1');
  return out;
}

/** The file lines of a batch (one JSON line per event, the events' bytes as received), as text. */
export function batchLines(b: StoredBatch): string | undefined {
  const spans = spansOf(b);
  if (!spans) return undefined;
  const tail = entryTail(b);
  let lines = '';
  for (let i = 0; i < b.count; i++)
    lines += entryHead(b, i) + b.raw.toString('utf8', spans[2 * i], spans[2 * i + 1]) + tail + '\n';
  return lines;
}
