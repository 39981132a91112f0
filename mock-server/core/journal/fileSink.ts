// The --journal-file sink: one JSON line per recorded event, appended. The file is opened at start
// so a bad path is a start-up error (exit 2), not a crash on the first event. A write that fails
// later (disk full, a device that refuses writes) is never silent: it is logged, counted in
// /__mock/health (`counts.file`), and with --journal-file-required the batch is refused with a 500
// instead of answered 201 (those writes are synchronous, so the answer knows). Bounds: none — the
// file grows without a cap, and the asynchronous stream buffers what the disk has not yet taken.
import { closeSync, openSync, writeSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import type { JournalSink, SinkStatus } from './types';

export interface FileSinkOptions {
  required: boolean;
  /** Told about each failed write (the mock logs it). */
  onError: (error: Error) => void;
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

export function createFileSink(path: string, options: FileSinkOptions): JournalSink {
  const fd = openSync(path, 'a');
  const status: SinkStatus = { path, required: options.required, lines_written: 0, lines_lost: 0, errors: 0 };
  const failed = (e: Error, lines: number) => {
    status.errors++;
    status.lines_lost += lines;
    status.last_error = e.message;
    options.onError(e);
  };

  if (options.required) {
    return {
      write(text) {
        this.writeSync!(text);
      },
      writeSync(text) {
        const lines = countLines(text);
        try {
          const buf = Buffer.from(text);
          for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off);
          status.lines_written += lines;
        } catch (e) {
          failed(e as Error, lines);
          throw e;
        }
      },
      close: async () => closeSync(fd),
      status: () => ({ ...status }),
    };
  }

  const stream = createWriteStream(path, { fd });
  // Once the stream has failed it is destroyed: later lines are counted as lost, and each failure
  // is logged once per write so a full disk shows up in the log as it happens.
  stream.on('error', () => undefined); // reported through each write's callback
  return {
    write(text) {
      const lines = countLines(text);
      if (stream.destroyed) return failed(new Error(status.last_error ?? 'journal file closed'), lines);
      stream.write(text, (e) => {
        if (e) failed(e, lines);
        else status.lines_written += lines;
      });
    },
    close: () =>
      new Promise((resolve) => {
        if (stream.destroyed) return resolve();
        stream.end(() => resolve());
      }),
    status: () => ({ ...status }),
  };
}
