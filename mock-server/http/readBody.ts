// Reads a POST /events body from the socket into a ReadBody for step 5 (core/body.ts judges it).
// Raw bytes are capped while reading; past the limit the rest of the upload is read and dropped,
// bounded, so the client gets to read its 413. No work before the token: for a request whose token
// failed (steps 1-2) the route asks for the raw bytes only, never decompressed or parsed.
import type { IncomingMessage } from 'node:http';
import { bodyChunks, DISCARD_MAX_MS, readBodyFrom, type Collected, type ReadBody } from '../core/body';

export { DISCARD_MAX_BYTES, DISCARD_MAX_MS, MAX_CODINGS, type Collected, type ReadBody } from '../core/body';

/** The raw bytes of a request body, at most `limit` of them kept (the --upstream proxy forwards them). */
export function collect(req: IncomingMessage, limit: number): Promise<Collected | 'aborted'> {
  return new Promise((resolve) => {
    const body = bodyChunks(limit);
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (result: Collected | 'aborted') => {
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
      done(body.cut());
    };
    const onData = (chunk: Buffer) => {
      const step = body.add(chunk);
      if (step === 'cut') return cutOff();
      if (step === 'over') {
        timer = setTimeout(cutOff, DISCARD_MAX_MS);
        timer.unref();
      }
    };
    const onEnd = () => done(body.ended());
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

/**
 * The body as step 5 sees it. With `decode` false (the token failed) nothing is decompressed or
 * parsed: the outcome is a placeholder the decision never reaches.
 */
export function readBody(req: IncomingMessage, limit: number, decode = true): Promise<ReadBody | 'aborted'> {
  const h = req.headers;
  return readBodyFrom(
    {
      contentEncoding: h['content-encoding'],
      contentType: h['content-type'],
      contentLength: h['content-length'],
      collect: (max) => collect(req, max),
    },
    limit,
    decode,
  );
}
