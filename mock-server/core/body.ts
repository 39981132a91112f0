// A POST /events body as step 5 of the decision sees it, from bytes already read: the headers'
// checks (Content-Encoding, Content-Type), then decompression, UTF-8, JSON and nesting. Shared by
// the HTTP shell (which reads the socket, bounded: http/readBody.ts) and the in-process MSW
// handlers. The size limit applies to the DECOMPRESSED body (the official SDK gzips): inflating
// stops at the limit (zlib's maxOutputLength), so a gzip bomb costs at most `limit` bytes of output
// and answers 413 at once. Encodings: RFC 9110 §8.4 (gzip, deflate, br, identity), at most
// MAX_CODINGS of them stacked. No work before the token: for a request whose token failed (steps
// 1-2) only the raw bytes are kept, never decompressed or parsed.
import { isUtf8 } from 'node:buffer';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { BodyOutcome, BodyProblem } from './decide';
import { exceedsDepth, MAX_JSON_DEPTH } from './jsonDepth';

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

/**
 * After the limit, the rest of an upload is read and dropped — at most this many bytes, for at most
 * this long — so a client still sending gets to read its 413 (express.json does the same). Past
 * either bound the mock answers and stops reading (over HTTP: closes the connection). Both shells
 * read with these bounds (`bodyChunks`, below).
 */
export const DISCARD_MAX_BYTES = 16 * 1024 * 1024;
export const DISCARD_MAX_MS = 5000;

/** A declared Content-Length too large to be read and dropped within the bound: answer at once. */
export function hopelessLength(contentLength: string | null | undefined, limit: number): boolean {
  const declared = Number(contentLength ?? undefined);
  return Number.isFinite(declared) && declared - limit > DISCARD_MAX_BYTES;
}

/** More stacked Content-Encoding layers than this are 415 (3,000 gzip layers once cost 10 s of CPU). */
export const MAX_CODINGS = 3;

export const fail = (reason: BodyProblem, keyword: string, message: string): ReadBody => ({
  outcome: { ok: false, reason, violation: { keyword, instancePath: '', message } },
});

export const tooLarge = (limit: number, complete: boolean, size?: number): ReadBody => ({
  ...fail('PAYLOAD_TOO_LARGE', 'maxLength', `body over ${limit} bytes`),
  ...(complete ? {} : { cutOff: true }),
  ...(size === undefined ? {} : { size }),
  note: complete ? 'over the body limit: read and dropped' : 'over the body limit: not read to its end',
});

/** Step 5 is never reached for such a request: the outcome only says the body was not looked at. */
export const NOT_DECODED = fail(
  'VALIDATION',
  'notDecoded',
  'the body was not decoded: the token was refused first',
);

/** The Content-Encoding layers in the order they were applied, `identity` left out. */
export function parseCodings(header: string | undefined): string[] {
  if (header === undefined || header === '') return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

/** What the headers alone refuse (too many or unknown encodings, not JSON, not UTF-8), else undefined. */
export function headerProblem(codings: string[], contentType: string | undefined): ReadBody | undefined {
  if (codings.length > MAX_CODINGS)
    return fail(
      'UNSUPPORTED_ENCODING',
      'contentEncoding',
      `${codings.length} stacked Content-Encoding layers; at most ${MAX_CODINGS} are decoded`,
    );
  for (const c of codings)
    if (!DECODERS[c])
      return fail('UNSUPPORTED_ENCODING', 'contentEncoding', `unsupported Content-Encoding "${c}"`);
  const [mediaType, ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json')
    return fail('VALIDATION', 'contentType', `Content-Type must be application/json (got "${mediaType}")`);
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return fail('VALIDATION', 'charset', `charset must be utf-8 (got "${charset}")`);
  return undefined;
}

/** The raw body of a request refused before step 5: kept (for the log) only if unencoded. */
export function undecoded(raw: Buffer, codings: string[]): ReadBody {
  if (codings.length > 0)
    return {
      ...NOT_DECODED,
      size: raw.length,
      note: `${codings.join(', ')}-encoded: not decoded (token refused first)`,
    };
  return { ...NOT_DECODED, bytes: raw, size: raw.length };
}

/** A body over the limit of a request refused before step 5 (`complete`: read to its end and dropped). */
export function undecodedTooLarge(size: number, complete: boolean): ReadBody {
  return {
    ...NOT_DECODED,
    size,
    note: 'over the body limit (token refused first)',
    ...(complete ? {} : { cutOff: true }),
  };
}

/** Decompresses (last coding first), decodes UTF-8, parses JSON, checks nesting. `raw` is within the limit. */
export async function decodeBody(raw: Buffer, codings: string[], limit: number): Promise<ReadBody> {
  let bytes = raw;
  // Codings are listed in the order they were applied: undo them last to first.
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i];
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
  // isUtf8 validates in native code; toString then decodes without a second check.
  if (!isUtf8(bytes))
    return { ...fail('VALIDATION', 'charset', 'body is not valid UTF-8'), bytes, size: bytes.length };
  // A leading byte order mark is dropped, as a TextDecoder would (and the journal keeps the rest).
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    bytes = bytes.subarray(3);
  const text = bytes.toString('utf8');
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

/** A body's raw bytes as a shell read them: at most `limit` kept; over it, `complete` when the
 * whole upload was read (and dropped), false when reading stopped at the discard bound. */
export type Collected = Buffer | { tooLarge: true; complete: boolean; size: number };

/**
 * The bounded keeping of a body's chunks, for every shell's reader: chunks are kept up to `limit`;
 * past it, what was kept is dropped and reading goes on without keeping anything, until the upload
 * ends, DISCARD_MAX_BYTES more have come, or (the reader's clock) DISCARD_MAX_MS have passed.
 */
export function bodyChunks(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let dropping = false;
  return {
    /**
     * `more`: read on. `over`: the limit was just passed (start the DISCARD_MAX_MS clock, then read
     * on). `cut`: past the discard bound (stop reading; the answer is `cut()`).
     */
    add(chunk: Buffer): 'more' | 'over' | 'cut' {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return 'more';
      }
      if (size - limit > DISCARD_MAX_BYTES) return 'cut';
      if (dropping) return 'more';
      dropping = true;
      chunks.length = 0;
      return 'over';
    },
    /** The upload ended. */
    ended: (): Collected =>
      size > limit ? { tooLarge: true, complete: true, size } : Buffer.concat(chunks, size),
    /** Reading stopped before the upload's end. */
    cut: (): Collected => ({ tooLarge: true, complete: false, size }),
  };
}

/** What step 5 needs of a request: its body's headers, and its bytes read bounded by the shell. */
export interface BodySource<Failure extends string> {
  contentEncoding: string | undefined;
  contentType: string | undefined;
  contentLength: string | null | undefined;
  /** The bytes (see Collected), or a Failure of the shell's transport (the client went, …). */
  collect(limit: number): Promise<Collected | Failure>;
}

/**
 * The body as step 5 sees it, for every shell. With `decode` false (the token failed) nothing is
 * decompressed or parsed: the outcome is a placeholder the decision never reaches. The headers'
 * checks come first: a body they refuse is never read, and a declared length past the discard
 * bound is answered at once.
 */
export async function readBodyFrom<Failure extends string>(
  source: BodySource<Failure>,
  limit: number,
  decode: boolean,
): Promise<ReadBody | Failure> {
  const codings = parseCodings(source.contentEncoding);
  const hopeless = hopelessLength(source.contentLength, limit);
  if (!decode) {
    if (hopeless)
      return { ...NOT_DECODED, cutOff: true, note: 'over the body limit: not read (token refused first)' };
    const raw = await source.collect(limit);
    if (typeof raw === 'string') return raw;
    if (!Buffer.isBuffer(raw)) return undecodedTooLarge(raw.size, raw.complete);
    return undecoded(raw, codings);
  }
  const problem = headerProblem(codings, source.contentType);
  if (problem) return problem;
  if (hopeless) return tooLarge(limit, false);
  const raw = await source.collect(limit);
  if (typeof raw === 'string') return raw;
  if (!Buffer.isBuffer(raw)) return tooLarge(limit, raw.complete, raw.size);
  return decodeBody(raw, codings, limit);
}

/**
 * A whole body already in memory (the proxy's forwarded bytes, the core's tests), as the shells
 * judge one: over the limit is 413, a refused token (`decode` false) leaves it undecoded.
 */
export function readBuffer(
  raw: Buffer,
  headers: { contentEncoding?: string; contentType?: string },
  limit: number,
  decode: boolean,
): Promise<ReadBody> {
  const whole: Collected = raw.length > limit ? { tooLarge: true, complete: true, size: raw.length } : raw;
  const source: BodySource<never> = {
    contentEncoding: headers.contentEncoding,
    contentType: headers.contentType,
    contentLength: undefined,
    collect: () => Promise.resolve(whole),
  };
  return readBodyFrom(source, limit, decode);
}
