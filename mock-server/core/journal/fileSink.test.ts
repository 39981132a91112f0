import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSink, writeToSink } from './fileSink';

describe('journal: the file sink', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tga-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each([false, true])('appends the lines and counts them (required: %s)', async (required) => {
    const path = join(dir, 'journal.jsonl');
    const sink = createFileSink(path, { required, onError: () => undefined });
    expect(writeToSink(sink, required, '{"seq":1}\n{"seq":2}\n')).toBeUndefined();
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('{"seq":1}\n{"seq":2}\n');
    expect(sink.status!()).toMatchObject({ path, required, lines_written: 2, lines_lost: 0, errors: 0 });
  });

  test('a bad path fails at creation, not on the first write', () => {
    expect(() =>
      createFileSink(join(dir, 'missing', 'journal.jsonl'), { required: false, onError: () => undefined }),
    ).toThrow();
  });

  test('writeToSink: a required write that throws is returned; an unrequired one only queued', () => {
    const sink = {
      write: jest.fn(),
      writeSync: () => {
        throw new Error('disk full');
      },
      close: async () => undefined,
    };
    expect(writeToSink(sink, true, 'x\n')).toBe('disk full');
    expect(writeToSink(sink, false, 'x\n')).toBeUndefined();
    expect(sink.write).toHaveBeenCalledTimes(1);
    // A sink without writeSync cannot be required: it is written as usual.
    expect(writeToSink({ write: sink.write, close: sink.close }, true, 'x\n')).toBeUndefined();
    expect(sink.write).toHaveBeenCalledTimes(2);
  });
});
