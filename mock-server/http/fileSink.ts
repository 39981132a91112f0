// The --journal-file sink: one JSON line per recorded event, appended. The file is opened at
// start so a bad path is a start-up error (exit 2), not a crash on the first event.
import { createWriteStream, openSync } from 'node:fs';
import type { JournalSink } from '../core/journal';

export function createFileSink(path: string): JournalSink {
  const fd = openSync(path, 'a');
  const stream = createWriteStream(path, { fd });
  let failed: Error | undefined;
  stream.on('error', (e) => (failed = e));
  return {
    write(line) {
      if (!failed) stream.write(line);
    },
    close: () => new Promise((resolve) => stream.end(() => resolve())),
  };
}
