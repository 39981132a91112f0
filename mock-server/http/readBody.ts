// Reads a POST /events body into a BodyOutcome for step 5 of the decision. The size limit applies
// to the DECOMPRESSED body (the official SDK gzips): raw bytes are capped while reading, and
// inflating stops at the limit (zlib's maxOutputLength), so a gzip bomb costs at most `limit` bytes
// of output and answers 413 at once. Encodings: RFC 9110 §8.4 (gzip, deflate, br, identity).
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { BodyOutcome, BodyProblem } from '../core/decide';
import { exceedsDepth, MAX_JSON_DEPTH } from '../core/jsonDepth';

export interface ReadBody {
  outcome: BodyOutcome;
  /** The decoded text, when there was one (for the request log). */
  text?: string;
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

// One decoder for every request: `fatal` makes invalid UTF-8 throw instead of becoming U+FFFD.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const fail = (reason: BodyProblem, keyword: string, message: string): ReadBody => ({
  outcome: { ok: false, reason, violation: { keyword, instancePath: '', message } },
});

function collect(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = (result: Buffer | 'too-large' | 'aborted') => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; Node discards the rest of the upload after the answer.
        req.pause();
        done('too-large');
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks));
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

export async function readBody(req: IncomingMessage, limit: number): Promise<ReadBody | 'aborted'> {
  const codings = (req.headers['content-encoding'] ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
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

  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return fail('PAYLOAD_TOO_LARGE', 'maxLength', `body over ${limit} bytes`);
  const raw = await collect(req, limit);
  if (raw === 'aborted') return 'aborted';
  if (raw === 'too-large') return fail('PAYLOAD_TOO_LARGE', 'maxLength', `body over ${limit} bytes`);

  let bytes = raw;
  // Codings are listed in the order they were applied: undo them last to first.
  for (const coding of [...codings].reverse()) {
    try {
      bytes = await DECODERS[coding](bytes, limit);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return fail('PAYLOAD_TOO_LARGE', 'maxLength', `decompressed body over ${limit} bytes`);
      return fail('VALIDATION', 'contentEncoding', `body is not valid ${coding}: ${(e as Error).message}`);
    }
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail('VALIDATION', 'charset', 'body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ...fail('VALIDATION', 'json', `body is not JSON: ${(e as Error).message}`), text };
  }
  if (exceedsDepth(value))
    return { ...fail('VALIDATION', 'maxDepth', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`), text };
  return { outcome: { ok: true, value }, text };
}
