// The --journal-file sink: one JSON line per recorded event, appended. The file is opened at start
// so a bad path is a start-up error (exit 2), not a crash on the first event. A write that fails
// (disk full, a device that refuses writes) is never silent: it is logged, counted in
// /__mock/health (`counts.file`), and with --journal-file-required the batch is refused with a 500
// instead of answered 201 (those writes are synchronous, so the answer knows).
//
// Lines are whole or absent: a write cut short (the disk filled up in the middle of it) is cut back
// to where it began, so the next write that succeeds starts a line of its own. The file is opened
// non-blocking: a pipe nobody reads never stops the mock. Bounds: at most QUEUE_MAX_BYTES wait to
// be written; past that a batch's lines are dropped and counted (lines_lost), or, with
// --journal-file-required, refused at once (500). The file itself grows without a cap.
import { closeSync, constants, fstatSync, ftruncateSync, openSync, write, writeSync } from 'node:fs';
import type { JournalSink, SinkStatus } from './types';

/** Bytes of lines waiting for the file (a slow disk, a pipe nobody reads) before more are dropped. */
export const QUEUE_MAX_BYTES = 16 * 1024 * 1024;
/** A file that is not taking writes (a full pipe) is tried again this often. */
const RETRY_MS = 50;
/** How long close() waits for queued lines before it counts them lost. */
const CLOSE_WAIT_MS = 2000;

export interface FileSinkOptions {
  required: boolean;
  /** Told about each failed write (the mock logs it). */
  onError: (error: Error) => void;
  /** Default QUEUE_MAX_BYTES. */
  queueMaxBytes?: number;
}

const countLines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Hands a batch's lines to the sink: with `required` (and a sink that can) written now, a failure
 * returned as its message so the batch is refused; otherwise queued, a failure only counted.
 */
export function writeToSink(sink: JournalSink, required: boolean, lines: string): string | undefined {
  if (!required || !sink.writeSync) {
    sink.write(lines);
    return undefined;
  }
  try {
    sink.writeSync(lines);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

interface Pending {
  buf: Buffer;
  /** Bytes of buf already written. */
  off: number;
  lines: number;
}

const busy = (e: unknown) => (e as NodeJS.ErrnoException).code === 'EAGAIN';

export function createFileSink(path: string, options: FileSinkOptions): JournalSink {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK,
  );
  // Only a regular file can be cut back; a device or a pipe takes what it takes.
  const seekable = fstatSync(fd).isFile();
  const queueMax = options.queueMaxBytes ?? QUEUE_MAX_BYTES;
  const status: SinkStatus = { path, required: options.required, lines_written: 0, lines_lost: 0, errors: 0 };
  const queue: Pending[] = [];
  let queued = 0;
  let writing = false;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  let idle: (() => void) | undefined;

  const failed = (e: Error, lines: number) => {
    status.errors++;
    status.lines_lost += lines;
    status.last_error = e.message;
    options.onError(e);
  };
  /** Cuts off the `written` bytes a failed write left at the end of the file (best effort). */
  const undo = (written: number) => {
    if (written === 0 || !seekable) return;
    try {
      ftruncateSync(fd, fstatSync(fd).size - written);
    } catch {
      // Nothing more to do: the error that brought us here is counted already.
    }
  };
  const settle = () => {
    if (queue.length === 0 && idle) idle();
  };
  const pump = () => {
    if (writing || retry !== undefined || queue.length === 0 || closed) return settle();
    const head = queue[0];
    writing = true;
    write(fd, head.buf, head.off, head.buf.length - head.off, null, (e, n) => {
      writing = false;
      if (e && busy(e)) {
        retry = setTimeout(() => ((retry = undefined), pump()), RETRY_MS);
        retry.unref();
        return;
      }
      if (e) {
        undo(head.off);
        queue.shift();
        queued -= head.buf.length;
        failed(e, head.lines);
      } else if ((head.off += n) === head.buf.length) {
        queue.shift();
        queued -= head.buf.length;
        status.lines_written += head.lines;
      }
      pump();
    });
  };
  const enqueue = (buf: Buffer, off: number, lines: number) => {
    queue.push({ buf, off, lines });
    queued += buf.length;
    pump();
  };

  const sink: JournalSink = {
    write(text) {
      const lines = countLines(text);
      const buf = Buffer.from(text);
      if (closed) return failed(new Error('journal file closed'), lines);
      if (queued + buf.length > queueMax)
        return failed(
          new Error(`journal file write queue full (${queued} bytes not yet written); lines dropped`),
          lines,
        );
      enqueue(buf, 0, lines);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        const done = () => {
          if (closed) return;
          clearTimeout(giveUp);
          clearTimeout(retry);
          closed = true;
          for (const p of queue) status.lines_lost += p.lines;
          queue.length = 0;
          queued = 0;
          closeSync(fd);
          resolve();
        };
        const giveUp = setTimeout(done, CLOSE_WAIT_MS);
        idle = done;
        if (queue.length === 0 && !writing) done();
      }),
    status: () => ({ ...status }),
  };
  if (!options.required) return sink;

  sink.write = (text) => sink.writeSync!(text);
  sink.writeSync = (text) => {
    const lines = countLines(text);
    // Lines still queued (the rest of a batch a full pipe took only part of) go first.
    if (queue.length > 0) {
      const e = new Error(`journal file is not taking writes (${queued} bytes not yet written)`);
      failed(e, lines);
      throw e;
    }
    const buf = Buffer.from(text);
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(fd, buf, off);
      status.lines_written += lines;
    } catch (e) {
      if (busy(e) && off > 0 && !seekable) {
        // A pipe took part of the batch: what it took cannot be taken back, so the rest follows
        // as soon as the pipe takes it, and the batch stands (its lines arrive whole, in order).
        enqueue(buf, off, lines);
        return;
      }
      undo(off);
      failed(e as Error, lines);
      throw e;
    }
  };
  return sink;
}
