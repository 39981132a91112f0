// The journal file under a full disk and a pipe nobody reads (issue 21). The full disk is a small
// tmpfs mounted here (root only): without the permission the test is skipped, saying so, except
// under CI=true where it must run.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSink, writeToSink } from './fileSink';

const KB = 1024;
const line = (seq: number, size: number) => `${JSON.stringify({ seq, pad: 'x'.repeat(size) })}\n`;
const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);
/** Resolves once the sink's queue has gone (its status stops changing). */
const settled = async (sink: ReturnType<typeof createFileSink>) => {
  let last = '';
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const now = JSON.stringify(sink.status!());
    if (now === last) return;
    last = now;
  }
};

describe('journal file: a full disk leaves whole lines only', () => {
  const root = mkdtempSync(join(tmpdir(), 'tga-tmpfs-'));
  let mounted = false;
  beforeAll(() => {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', root]);
    mounted = r.status === 0;
    if (!mounted) {
      const why = `cannot mount a 256 KB tmpfs (${String(r.stderr).trim() || 'not permitted'})`;
      if (process.env.CI === 'true') throw new Error(`journal file full-disk test: ${why}`);
      console.warn(`SKIPPED journal file full-disk tests: ${why}`);
    }
  });
  let opened: ReturnType<typeof createFileSink> | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    if (mounted)
      for (const name of readdirSync(root)) rmSync(join(root, name), { recursive: true, force: true });
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [root]);
    rmSync(root, { recursive: true, force: true });
  });

  test.each([true, false])(
    'a write cut short is cut back, and a later one after space is freed is whole (required: %s)',
    async (required) => {
      if (!mounted) return;
      const dir = join(root, `r-${required}`);
      mkdirSync(dir);
      const path = join(dir, 'journal.jsonl');
      const filler = join(dir, 'filler');
      const sink = createFileSink(path, { required, onError: () => undefined });
      opened = sink;
      // Fill the disk to within 40 KB, so one of the 10 KB lines runs out of space part-way.
      const { bavail, bsize } = statfsSync(root);
      writeFileSync(filler, Buffer.alloc(bavail * bsize - 40 * KB - 5 * KB));
      const results: (string | undefined)[] = [];
      for (let seq = 1; seq <= 8; seq++) results.push(writeToSink(sink, required, line(seq, 10 * KB)));
      await settled(sink);
      const failedAt = required ? results.findIndex((r) => r !== undefined) : -1;
      if (required) expect(failedAt).toBeGreaterThan(0);
      expect(sink.status!().errors).toBeGreaterThan(0);
      // Whole lines or nothing: every line parses, in order.
      const before = linesOf(path).map((l) => JSON.parse(l) as { seq: number });
      expect(before.map((e) => e.seq)).toEqual(before.map((_, i) => i + 1));
      if (required) expect(before).toHaveLength(failedAt);
      // Space freed: the next writes land whole, each on a line of its own.
      rmSync(filler);
      for (let seq = 9; seq <= 11; seq++)
        expect(writeToSink(sink, required, line(seq, 10 * KB))).toBeUndefined();
      await sink.close();
      opened = undefined;
      const after = linesOf(path).map((l) => JSON.parse(l) as { seq: number });
      expect(after.slice(-3).map((e) => e.seq)).toEqual([9, 10, 11]);
      expect(sink.status!().lines_written).toBe(after.length);
    },
  );
});

describe('journal file: a pipe nobody reads', () => {
  let dir: string;
  let fifo: string;
  let reader: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tga-fifo-'));
    fifo = join(dir, 'journal.pipe');
    execFileSync('mkfifo', [fifo]);
    // Open for reading (so the mock's open succeeds) and never read.
    reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  });
  afterEach(() => {
    closeSync(reader);
    rmSync(dir, { recursive: true, force: true });
  });

  test('without -required: the write queue is bounded, the rest dropped and counted', async () => {
    const sink = createFileSink(fifo, {
      required: false,
      onError: () => undefined,
      queueMaxBytes: 4 * 1024 * KB,
    });
    const big = line(0, 1024 * KB - 64);
    for (let i = 0; i < 40; i++) sink.write(big);
    await new Promise((r) => setTimeout(r, 100));
    const s = sink.status!();
    // The pipe holds 64 KB, the queue 4 MB: at most 5 of the 40 lines are anywhere but dropped.
    expect(s.lines_lost).toBeGreaterThanOrEqual(35);
    expect(s.last_error).toMatch(/queue full/);
    await sink.close();
  }, 10_000);
});
