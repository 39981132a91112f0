// The MSW shell's transport for the frame (core/frame.ts): a fetch Request's headers, its raw
// header list, and its body.
//
// The body is read for step 5 the way http/readBody.ts reads a socket: chunk by chunk,
// keeping at most `limit` bytes; past it, reading and dropping at most DISCARD_MAX_BYTES more for at
// most DISCARD_MAX_MS, then cancelling the stream. So a 200 MB body costs about the limit, never
// the whole body (request.arrayBuffer() would hold all of it, and a copy, before the 413). The
// headers' checks come first, as over HTTP: a body they refuse is never read.
import {
  DISCARD_MAX_BYTES,
  DISCARD_MAX_MS,
  decodeBody,
  headerProblem,
  hopelessLength,
  NOT_DECODED,
  parseCodings,
  tooLarge,
  undecoded,
  undecodedTooLarge,
  type ReadBody,
} from '../core/body';
import type { SdkTransport } from '../core/frame';

/**
 * 'aborted': the client went away (its signal fired) — nobody to answer. 'unreadable': the body
 * stream failed — over HTTP, the broken framing Node answers 400 MALFORMED_REQUEST.
 */
export type ReadOutcome = ReadBody | 'aborted' | 'unreadable';

type Collected = Buffer | { tooLarge: true; complete: boolean; size: number } | 'aborted' | 'unreadable';

async function collect(request: Request, limit: number): Promise<Collected> {
  if (request.body === null) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // The discard timer fired and cancelled the stream.
      if (cut) return { tooLarge: true, complete: false, size };
      if (done) return size > limit ? { tooLarge: true, complete: true, size } : Buffer.concat(chunks, size);
      size += value.byteLength;
      if (size <= limit) {
        chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
        continue;
      }
      if (size - limit > DISCARD_MAX_BYTES) {
        // Past the discard bound: stop pulling the stream.
        void reader.cancel().catch(() => {});
        return { tooLarge: true, complete: false, size };
      }
      // Over the limit: drop what was kept and keep reading, bounded, without keeping anything.
      if (timer === undefined) {
        chunks.length = 0;
        timer = setTimeout(() => {
          cut = true;
          void reader.cancel().catch(() => {});
        }, DISCARD_MAX_MS);
        timer.unref();
      }
    }
  } catch {
    return request.signal.aborted ? 'aborted' : 'unreadable';
  } finally {
    clearTimeout(timer);
  }
}

/** The body as step 5 sees it; with `decode` false (the token failed) nothing is decompressed or parsed. */
export async function readRequestBody(
  request: Request,
  limit: number,
  decode: boolean,
): Promise<ReadOutcome> {
  const h = request.headers;
  const codings = parseCodings(h.get('content-encoding') ?? undefined);
  const hopeless = hopelessLength(h.get('content-length'), limit);
  if (!decode) {
    if (hopeless)
      return { ...NOT_DECODED, cutOff: true, note: 'over the body limit: not read (token refused first)' };
    const raw = await collect(request, limit);
    if (typeof raw === 'string') return raw;
    if (!Buffer.isBuffer(raw)) return undecodedTooLarge(raw.size, raw.complete);
    return undecoded(raw, codings);
  }
  const problem = headerProblem(codings, h.get('content-type') ?? undefined);
  if (problem) return problem;
  if (hopeless) return tooLarge(limit, false);
  const raw = await collect(request, limit);
  if (typeof raw === 'string') return raw;
  if (!Buffer.isBuffer(raw)) return tooLarge(limit, raw.complete, raw.size);
  return decodeBody(raw, codings, limit);
}

/** fetch's Request is the source: headers as fetch combines them, the body read bounded. */
export const FETCH: SdkTransport<Request> = {
  header: (request, name) => request.headers.get(name) ?? undefined,
  readBody: readRequestBody,
};

/**
 * The request's headers as name, value, … in the order Headers gives them (lower-case, repeats
 * combined): every name kept as given, `__proto__` and `constructor` too — a list, never an object.
 */
export function rawHeaders(headers: Headers): string[] {
  const out: string[] = [];
  headers.forEach((value, name) => out.push(name, value));
  return out;
}
