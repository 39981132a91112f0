// Reads a POST /events body into a BodyOutcome for step 5 of the decision. The size limit applies
// to the DECOMPRESSED body (the official SDK gzips): raw bytes are capped while reading, and
// inflating stops at the limit (zlib's maxOutputLength), so a gzip bomb costs at most `limit` bytes
// of output and answers 413 at once. Encodings: RFC 9110 §8.4 (gzip, deflate, br, identity), at
// most MAX_CODINGS of them stacked. No work before the token: for a request whose token failed
// (steps 1-2) the route asks for the raw bytes only, never decompressed or parsed.
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { BodyOutcome, BodyProblem } from '../core/decide';
import { exceedsDepth, MAX_JSON_DEPTH } from '../core/jsonDepth';

export interface ReadBody {
  outcome: BodyOutcome;
  /** The decoded body, when it was read and decoded (the journal keeps it; the log copies 16 KB). */
  bytes?: Buffer;
  /** Bytes received, when the body was read (also over the limit). */
  size?: number;
  /** Why the log has no body text (e.g. encoded and not decoded). */
  note?: string;
  /** The upload was not read to its end (over the discard bound): close after answering. */
  cutOff?: true;
}

type Decoder = (input: Buffer, limit: number) => Promise<Buffer>;

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

// "deflate" means the zlib format (RFC 9110 §8.4.1.2), but some clients send raw deflate: look at
// the zlib header (CM = 8, header checksum divisible by 31) to tell them apart.
const isZlibHeader = (b: Buffer) => b.length >= 2 && (b[0] & 0x0f) === 8 && ((b[0] << 8) | b[1]) % 31 === 0;

const DECODERS: Record<string, Decoder> = {
  gzip: (b, limit) => gunzip(b, { maxOutputLength: limit }),
  'x-gzip': (b, limit) => gunzip(b, { maxOutputLength: limit }),
  deflate: (b, limit) =>
    isZlibHeader(b) ? inflate(b, { maxOutputLength: limit }) : inflateRaw(b, { maxOutputLength: limit }),
  br: (b, limit) => brotli(b, { maxOutputLength: limit }),
};

/** More stacked Content-Encoding layers than this are 415 (3,000 gzip layers once cost 10 s of CPU). */
export const MAX_CODINGS = 3;

// One decoder for every request: `fatal` makes invalid UTF-8 throw instead of becoming U+FFFD.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const fail = (reason: BodyProblem, keyword: string, message: string): ReadBody => ({
  outcome: { ok: false, reason, violation: { keyword, instancePath: '', message } },
});

/**
 * After the limit, the rest of an upload is read and dropped — at most this many bytes, for at most
 * this long — so the client, still sending, gets to read its 413 (express.json does the same).
 * Past either bound the mock answers and closes the connection.
 */
export const DISCARD_MAX_BYTES = 16 * 1024 * 1024;
export const DISCARD_MAX_MS = 5000;

/** Over the limit: `complete` when the whole upload was read (and dropped), false when cut off. */
type Collected = Buffer | { tooLarge: true; complete: boolean; size: number } | 'aborted';

function collect(req: IncomingMessage, limit: number): Promise<Collected> {
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

/** A declared Content-Length too large to be read and dropped within the bound: answer at once. */
function hopeless(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared - limit > DISCARD_MAX_BYTES;
}

const tooLarge = (limit: number, complete: boolean, size?: number): ReadBody => ({
  ...fail('PAYLOAD_TOO_LARGE', 'maxLength', `body over ${limit} bytes`),
  ...(complete ? {} : { cutOff: true }),
  ...(size === undefined ? {} : { size }),
  note: complete ? 'over the body limit: read and dropped' : 'over the body limit: not read to its end',
});

/** Step 5 is never reached for such a request: the outcome only says the body was not looked at. */
const NOT_DECODED = fail('VALIDATION', 'notDecoded', 'the body was not decoded: the token was refused first');

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
  if (!Buffer.isBuffer(raw))
    return {
      ...NOT_DECODED,
      size: raw.size,
      note: 'over the body limit (token refused first)',
      ...(raw.complete ? {} : { cutOff: true }),
    };
  if (codings.length > 0)
    return {
      ...NOT_DECODED,
      size: raw.length,
      note: `${codings.join(', ')}-encoded: not decoded (token refused first)`,
    };
  return { ...NOT_DECODED, bytes: raw, size: raw.length };
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
  const codings = (req.headers['content-encoding'] ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (!decode) return readRaw(req, limit, codings);
  if (codings.length > MAX_CODINGS)
    return fail(
      'UNSUPPORTED_ENCODING',
      'contentEncoding',
      `${codings.length} stacked Content-Encoding layers; at most ${MAX_CODINGS} are decoded`,
    );
  const unknown = codings.find((c) => !DECODERS[c]);
  if (unknown !== undefined)
    return fail('UNSUPPORTED_ENCODING', 'contentEncoding', `unsupported Content-Encoding "${unknown}"`);

  const [mediaType, ...params] = (req.headers['content-type'] ?? '')
    .split(';')
    .map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json')
    return fail('VALIDATION', 'contentType', `Content-Type must be application/json (got "${mediaType}")`);
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return fail('VALIDATION', 'charset', `charset must be utf-8 (got "${charset}")`);

  if (hopeless(req, limit)) return tooLarge(limit, false);
  const raw = await collect(req, limit);
  if (raw === 'aborted') return 'aborted';
  if (!Buffer.isBuffer(raw)) return tooLarge(limit, raw.complete, raw.size);

  let bytes = raw;
  // Codings are listed in the order they were applied: undo them last to first.
  for (const coding of [...codings].reverse()) {
    try {
      bytes = await DECODERS[coding](bytes, limit);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return {
          ...fail('PAYLOAD_TOO_LARGE', 'maxLength', `decompressed body over ${limit} bytes`),
          size: raw.length,
          note: 'decompressed over the body limit',
        };
      return {
        ...fail('VALIDATION', 'contentEncoding', `body is not valid ${coding}: ${(e as Error).message}`),
        size: raw.length,
        note: `not valid ${coding}`,
      };
    }
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ...fail('VALIDATION', 'charset', 'body is not valid UTF-8'), bytes, size: bytes.length };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ...fail('VALIDATION', 'json', `body is not JSON: ${(e as Error).message}`),
      bytes,
      size: bytes.length,
    };
  }
  if (exceedsDepth(value))
    return {
      ...fail('VALIDATION', 'maxDepth', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`),
      bytes,
      size: bytes.length,
    };
  return { outcome: { ok: true, value }, bytes, size: bytes.length };
}
