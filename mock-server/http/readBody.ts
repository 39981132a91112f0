// Reads a POST /events body from the socket into a ReadBody for step 5 (core/body.ts judges it).
// Raw bytes are capped while reading; past the limit the rest of the upload is read and dropped,
// bounded, so the client gets to read its 413. No work before the token: for a request whose token
// failed (steps 1-2) the route asks for the raw bytes only, never decompressed or parsed.
import type { IncomingMessage } from 'node:http';
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

export { DISCARD_MAX_BYTES, DISCARD_MAX_MS, MAX_CODINGS, type ReadBody } from '../core/body';

/** Over the limit: `complete` when the whole upload was read (and dropped), false when cut off. */
export type Collected = Buffer | { tooLarge: true; complete: boolean; size: number } | 'aborted';

/** The raw bytes of a request body, at most `limit` of them kept (the --upstream proxy forwards them). */
export function collect(req: IncomingMessage, limit: number): Promise<Collected> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (result: Collected) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const cutOff = () => {
      req.pause();
      done({ tooLarge: true, complete: false, size });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Over the limit: drop what was kept and keep reading, bounded, without buffering.
      if (timer === undefined) {
        chunks.length = 0;
        timer = setTimeout(cutOff, DISCARD_MAX_MS);
        timer.unref();
      }
      if (size - limit > DISCARD_MAX_BYTES) cutOff();
    };
    const onEnd = () => done(size > limit ? { tooLarge: true, complete: true, size } : Buffer.concat(chunks));
    const onError = () => done('aborted');
    // A client that goes away mid-body: 'close' without 'end' (resolve once; done is idempotent).
    const onClose = () => {
      if (!req.complete) done('aborted');
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.once('close', onClose);
  });
}

const hopeless = (req: IncomingMessage, limit: number) =>
  hopelessLength(req.headers['content-length'], limit);

/** The raw body of a request refused before step 5: read (bounded), kept as text only if unencoded. */
async function readRaw(
  req: IncomingMessage,
  limit: number,
  codings: string[],
): Promise<ReadBody | 'aborted'> {
  if (hopeless(req, limit))
    return { ...NOT_DECODED, cutOff: true, note: 'over the body limit: not read (token refused first)' };
  const raw = await collect(req, limit);
  if (raw === 'aborted') return 'aborted';
  if (!Buffer.isBuffer(raw)) return undecodedTooLarge(raw.size, raw.complete);
  return undecoded(raw, codings);
}

/**
 * The body as step 5 sees it. With `decode` false (the token failed) nothing is decompressed or
 * parsed: the outcome is a placeholder the decision never reaches.
 */
export async function readBody(
  req: IncomingMessage,
  limit: number,
  decode = true,
): Promise<ReadBody | 'aborted'> {
  const codings = parseCodings(req.headers['content-encoding']);
  if (!decode) return readRaw(req, limit, codings);
  const problem = headerProblem(codings, req.headers['content-type']);
  if (problem) return problem;
  if (hopeless(req, limit)) return tooLarge(limit, false);
  const raw = await collect(req, limit);
  if (raw === 'aborted') return 'aborted';
  if (!Buffer.isBuffer(raw)) return tooLarge(limit, raw.complete, raw.size);
  return decodeBody(raw, codings, limit);
}
