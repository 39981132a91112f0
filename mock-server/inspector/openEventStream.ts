// The inspector's live feed as server-sent events: a snapshot of the request log on connect, then
// one message per request as the journal records it, and `clear` when the journal is emptied.
// Memory per viewer is bounded: the snapshot holds the newest rows that fit in snapshotMaxBytes, and
// a viewer that stops reading is cut off — its socket destroyed, its buffer freed — once its unsent
// backlog passes maxBacklogBytes, or once it has left any of it unread for stallMs (EventSource
// reconnects and gets a fresh snapshot). The router caps
// the number of viewers, so all feeds together hold at most viewers × (snapshot + backlog).
import type { Request, Response } from 'express';
import { toInspectorRow, type InspectedRequest } from './inspectorRow';

export interface JournalCounts {
  requests: Record<string, number>;
  recorded: number;
  dropped: number;
}

/** What the inspector needs of the journal (the mock's Journal fits). */
export interface InspectorSource {
  latestRequests(
    maxCount: number,
    maxBytes: number,
    size: (e: InspectedRequest) => number,
  ): InspectedRequest[];
  counts(): JournalCounts;
  subscribe(listener: (message: { type: string; entry?: unknown }) => void): () => void;
}

export interface StreamOptions {
  /** Requests sent in the snapshot on connect, newest kept. */
  snapshotLimit: number;
  /** Bytes of JSON the snapshot may hold; older rows are left out (the page says so). */
  snapshotMaxBytes: number;
  /** Live viewers at once; more are answered 503. */
  maxViewers: number;
  /** Comment lines keep proxies and idle timers from closing a quiet stream. */
  heartbeatMs: number;
  /** Unsent bytes after which a slow viewer is disconnected. */
  maxBacklogBytes: number;
  /** How long a viewer may leave a backlog unread before it is disconnected. */
  stallMs: number;
}

export const DEFAULT_STREAM_OPTIONS: StreamOptions = {
  snapshotLimit: 500,
  snapshotMaxBytes: 1024 * 1024,
  maxViewers: 16,
  heartbeatMs: 15_000,
  maxBacklogBytes: 1024 * 1024,
  stallMs: 30_000,
};

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Opens the stream; returns a function that ends it (e.g. when the mock shuts down). */
export function openEventStream(
  source: InspectorSource,
  options: StreamOptions,
  req: Request,
  res: Response,
): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // A feed owns its connection: when it ends (viewer gone, mock shutting down) the socket goes too.
    connection: 'close',
    'x-accel-buffering': 'no',
  });
  const rows = source
    .latestRequests(
      options.snapshotLimit,
      options.snapshotMaxBytes,
      // Bytes, as they go out: a row of `€` is three times its length.
      (e) => Buffer.byteLength(JSON.stringify(toInspectorRow(e))),
    )
    .map(toInspectorRow);

  let closed = false;
  // Armed while a write waits for 'drain'; a viewer that takes nothing for stallMs is cut off.
  let stall: NodeJS.Timeout | undefined;
  const onDrain = () => {
    clearTimeout(stall);
    stall = undefined;
  };
  const send = (text: string) => {
    if (res.write(text) || stall !== undefined) return;
    stall = setTimeout(() => finish(true), options.stallMs);
    stall.unref();
  };
  res.on('drain', onDrain);
  const finish = (destroy: boolean) => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(stall);
    res.off('drain', onDrain);
    // A stalled viewer's socket is destroyed: ending it would keep its whole backlog queued.
    if (destroy) res.destroy();
    else res.end();
  };
  const close = () => finish(false);
  const unsubscribe = source.subscribe((message) => {
    if (closed) return;
    if (message.type === 'clear') send(frame('clear', { counts: source.counts() }));
    else if (message.type === 'request')
      send(
        frame('request', { row: toInspectorRow(message.entry as InspectedRequest), counts: source.counts() }),
      );
    else return;
    if (res.writableLength > options.maxBacklogBytes) finish(true);
  });
  const heartbeat = setInterval(() => send(': ping\n\n'), options.heartbeatMs);
  heartbeat.unref();
  send(frame('snapshot', { rows, counts: source.counts() }));
  req.on('close', close);
  res.on('error', close);
  return close;
}
