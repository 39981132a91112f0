// Large control answers (the journal, the request log) are written a page at a time, waiting for
// the socket to drain between pages: no answer is ever built as one string (a journal of large
// events once made `GET /__mock/events` fail with "Invalid string length"). Bounds per reader: one
// page unsent (its producer caps it at PAGE_BYTES, or one entry if that is larger), and a reader
// that takes none of it for `stallMs` is cut off (its socket destroyed, the page freed).
import type { Response } from 'express';

/** Bytes of JSON per written page (past its first entry). */
export const PAGE_BYTES = 1024 * 1024;
/** How long a reader may leave a page unread when the mock has no --request-timeout to go by. */
export const DEFAULT_STALL_MS = 30_000;

const COMMA = Buffer.from(',');

/**
 * How far the kernel has taken this response's socket: the bytes handed to libuv less what libuv
 * still holds of them. It rises as the client reads, even while one large write is in flight (the
 * stream's own writableLength falls only once a whole write is done). Node's internals, read
 * defensively: where they are missing the count stays 0 and writableLength alone decides.
 */
function taken(res: Response): number {
  const socket = res.socket as { _bytesDispatched?: number; _handle?: { writeQueueSize?: number } } | null;
  return (socket?._bytesDispatched ?? 0) - (socket?._handle?.writeQueueSize ?? 0);
}

/**
 * Resolves true once `res` drains, false if it closes or takes nothing for `stallMs`: a reader that
 * is slow but still reading (the kernel took more of its socket's bytes, or fewer wait, than at the
 * last look) is given another `stallMs`, so only a reader that stopped is cut off.
 *
 * A reader is judged only over a window the mock itself ran through: a look that fires late (the
 * mock's own event loop was blocked, so it could neither hand the socket more bytes nor see what
 * the kernel took) starts a fresh window instead of cutting the reader off. A slow reader in CI was
 * once cut off because the mock's process stalled for longer than the timeout.
 *
 * One pair of listeners per wait, both removed when it ends (a race of `once()` promises left one
 * behind per drain: a MaxListenersExceededWarning after ten pages).
 */
export function drained(res: Response, stallMs: number): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  // How late a look may fire and still judge the window before it.
  const lateMs = Math.max(50, stallMs / 4);
  return new Promise((resolve) => {
    let waiting = res.writableLength;
    let sent = taken(res);
    let due = Date.now() + stallMs;
    const end = (ok: boolean) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => end(true);
    const onClose = () => end(false);
    const look = () => {
      const now = res.writableLength;
      const nowSent = taken(res);
      const onTime = Date.now() - due <= lateMs;
      if (onTime && now >= waiting && nowSent <= sent) return end(false);
      waiting = now;
      sent = nowSent;
      due = Date.now() + stallMs;
      timer = setTimeout(look, stallMs);
    };
    let timer = setTimeout(look, stallMs);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/**
 * Writes `head`, then each page's items (each one JSON value) comma-separated, then `tail`. Stops
 * if the client goes; destroys the socket of a client that stalls for `stallMs`.
 */
export async function streamJsonArray(
  res: Response,
  head: string,
  nextPage: () => Buffer[],
  tail: string,
  stallMs: number,
): Promise<void> {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.write(head);
  let first = true;
  for (;;) {
    if (res.destroyed) return;
    const page = nextPage();
    if (page.length === 0) break;
    const parts: Buffer[] = [];
    for (const item of page) {
      if (!first) parts.push(COMMA);
      parts.push(item);
      first = false;
    }
    if (res.write(Buffer.concat(parts))) continue;
    if (!(await drained(res, stallMs))) return void res.destroy();
  }
  res.end(tail);
}
