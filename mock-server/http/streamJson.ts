// Large control answers (the journal, the request log) are written a page at a time, waiting for
// the socket to drain between pages: no answer is ever built as one string (a journal of large
// events once made `GET /__mock/events` fail with "Invalid string length"), and a client that
// stops reading holds at most one page in the mock's memory.
import { once } from 'node:events';
import type { Response } from 'express';

/** Writes `head`, then each page's items comma-separated, then `tail`. Stops if the client goes. */
export async function streamJsonArray<T>(
  res: Response,
  head: string,
  nextPage: () => T[],
  tail: string,
): Promise<void> {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  let gone = false;
  res.once('close', () => (gone = true));
  res.write(head);
  let first = true;
  for (;;) {
    const page = nextPage();
    if (page.length === 0) break;
    let text = '';
    for (const item of page) {
      text += (first ? '' : ',') + JSON.stringify(item);
      first = false;
    }
    if (!res.write(text) && !gone) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    if (gone || res.destroyed) return;
  }
  res.end(tail);
}
