// The heavy and hostile scenarios of `npm run soak:memory` (issue 21), each run against a mock in
// its own process: long-poll fan-out, large entries read by several readers and left unread by
// stalled ones, and a journal file on a pipe nobody reads. Each returns what the mock did, for
// the table; memory.ts measures RSS around it.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;
const SESSION = '10c574d9-6d2c-4e6d-a141-ce6da141ce6d';

export interface Target {
  url: string;
  /** A token for `app`. */
  token: (app: string) => string;
}

const event = (app: string, pad: number) =>
  JSON.stringify({
    event_name: 'app-init',
    session_id: SESSION,
    user_id: 1,
    app_name: app,
    custom_data: { pad: 'x'.repeat(pad) },
  });

async function post(t: Target, app: string, body: string): Promise<number> {
  const res = await fetch(`${t.url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'tga-auth-token': t.token(app) },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** POST /__mock/reset: each scenario starts from an empty journal and fresh rate-limit counts. */
async function reset(t: Target): Promise<void> {
  const res = await fetch(`${t.url}/__mock/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`POST /__mock/reset answered ${res.status}`);
}

/** 9,999 events of ~1.2 KB, 50 long polls for the 10,000th (limit=1), then one POST. */
export async function longPollFanOut(t: Target, app: string): Promise<string> {
  await reset(t);
  for (let i = 0; i < 9999; i += 20) {
    const n = Math.min(20, 9999 - i);
    await post(t, app, `[${Array.from({ length: n }, () => event(app, 1100)).join(',')}]`);
  }
  const polls = Array.from({ length: 50 }, () =>
    fetch(`${t.url}/__mock/events?min=10000&limit=1&wait_ms=60000`).then(
      async (r) => ((await r.json()) as { events: unknown[] }).events.length,
    ),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = Date.now();
  await post(t, app, `[${event(app, 1100)}]`);
  const counts = await Promise.all(polls);
  return `50 polls answered in ${Date.now() - t0} ms, ${counts.filter((n) => n === 1).length} with their 1 event`;
}

/** 250 events of ~1 MB each, then `readers` readers of GET /__mock/events that read it all. */
export async function largeEntriesRead(t: Target, app: string, readers: number): Promise<string> {
  await reset(t);
  await recordLarge(t, app);
  const sizes = await Promise.all(
    Array.from(
      { length: readers },
      async () => (await (await fetch(`${t.url}/__mock/events`)).arrayBuffer()).byteLength,
    ),
  );
  return `${readers} readers got ${(sizes.reduce((a, b) => a + b, 0) / MB).toFixed(0)} MB in all`;
}

async function recordLarge(t: Target, app: string): Promise<void> {
  const body = `[${event(app, MB - 2048)}]`;
  for (let i = 0; i < 250; i += 5)
    for (const status of await Promise.all(Array.from({ length: 5 }, () => post(t, app, body))))
      if (status !== 201) throw new Error(`a 1 MB event was answered ${status}`);
}

/** The same journal, and `readers` readers that send the GET and never read; `waitMs` later, are they cut off? */
export async function largeEntriesStalled(t: Target, readers: number, waitMs: number): Promise<string> {
  const { port } = new URL(t.url);
  const sockets = await Promise.all(
    Array.from(
      { length: readers },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(Number(port), '127.0.0.1', () => {
            s.write(`GET /__mock/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
            s.pause();
            resolve(s);
          });
          s.once('error', reject);
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, waitMs));
  const cut = await Promise.all(
    sockets.map(
      (s) =>
        new Promise<boolean>((resolve) => {
          let tail = '';
          s.on('data', (d: Buffer) => (tail = (tail + d.toString('latin1')).slice(-2)));
          s.on('error', () => undefined);
          s.once('close', () => resolve(tail !== ']}'));
          s.resume();
        }),
    ),
  );
  return `${cut.filter(Boolean).length} of ${readers} stalled readers cut off`;
}

/** A FIFO with a reader that never reads (so the mock can open it); `close` removes both. */
export function unreadPipe(): { path: string; close: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tga-soak-pipe-'));
  const fifo = path.join(dir, 'journal.pipe');
  execFileSync('mkfifo', [fifo]);
  const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  return {
    path: fifo,
    close: () => {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` POSTs of ~1 MB to a mock whose journal file nobody reads; then is health still answering? */
export async function pipePosts(t: Target, app: string, n: number): Promise<string> {
  const body = `[${event(app, MB - 2048)}]`;
  const statuses = new Map<number, number>();
  for (let i = 0; i < n; i += 5) {
    for (const s of await Promise.all(Array.from({ length: Math.min(5, n - i) }, () => post(t, app, body))))
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
  }
  const health = await fetch(`${t.url}/__mock/health`, { signal: AbortSignal.timeout(5000) });
  const file = ((await health.json()) as { counts: { file?: { lines_written: number; lines_lost: number } } })
    .counts.file;
  const answers = [...statuses].map(([s, k]) => `${k}× ${s}`).join(', ');
  return `${answers}; health ${health.status}; file: ${file?.lines_written} written, ${file?.lines_lost} lost`;
}
