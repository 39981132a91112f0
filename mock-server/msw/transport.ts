// The MSW shell's transport for the frame (core/frame.ts): a fetch Request's headers, its raw
// header list, and its body.
//
// The body is read for step 5 as http/readBody.ts reads a socket, through the same core/body.ts
// (readBodyFrom, bodyChunks): chunk by chunk, keeping at most `limit` bytes; past it, reading and
// dropping at most DISCARD_MAX_BYTES more for at most DISCARD_MAX_MS, then cancelling the stream. So a 200 MB body costs about the limit, never
// the whole body (request.arrayBuffer() would hold all of it, and a copy, before the 413). The
// headers' checks come first, as over HTTP: a body they refuse is never read.
import { bodyChunks, DISCARD_MAX_MS, readBodyFrom, type Collected, type ReadBody } from '../core/body';
import type { SdkTransport } from '../core/frame';

/**
 * 'aborted': the client went away (its signal fired) — nobody to answer. 'unreadable': the body
 * stream failed — over HTTP, the broken framing Node answers 400 MALFORMED_REQUEST.
 */
export type ReadOutcome = ReadBody | 'aborted' | 'unreadable';

async function collect(request: Request, limit: number): Promise<Collected | 'aborted' | 'unreadable'> {
  if (request.body === null) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const body = bodyChunks(limit);
  let cut = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // The discard timer fired and cancelled the stream.
      if (cut) return body.cut();
      if (done) return body.ended();
      const step = body.add(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      if (step === 'cut') {
        // Past the discard bound: stop pulling the stream.
        void reader.cancel().catch(() => {});
        return body.cut();
      }
      if (step === 'over') {
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
export function readRequestBody(request: Request, limit: number, decode: boolean): Promise<ReadOutcome> {
  const h = request.headers;
  return readBodyFrom(
    {
      contentEncoding: h.get('content-encoding') ?? undefined,
      contentType: h.get('content-type') ?? undefined,
      contentLength: h.get('content-length'),
      collect: (max) => collect(request, max),
    },
    limit,
    decode,
  );
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
