// npm run soak:memory — the mock's memory bounds, measured from outside: the compiled mock in its
// own process on 127.0.0.1, its RSS read from /proc, under the traffic that used to grow it:
//   1. rejected 1 MB bodies without a token (the request log kept whole bodies);
//   2. distinct apps, one event each (rate-limit state and the journal grow per app);
//   3. stalled inspector viewers (feeds that never read) while large requests arrive;
//   4. long-poll fan-out: 50 polls for the 10,000th event of a 12 MB journal (scripts/soak/hostile.ts);
//   5. 250 events of 1 MB read by 5 readers at once, then left unread by 5 stalled readers;
//   6. a --journal-file on a pipe nobody reads: 500 × 1 MB POSTs, with and without -required.
// Each phase reports RSS before and after and its peak against the bound stated in
// docs/limits-and-guarantees.md, computed from the mock's own caps. Exit 1 if a peak passes it.
//
//   npm run soak:memory -- [--bodies N] [--apps N] [--viewers N] [--journal-max-mb N]
import net from 'node:net';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createToken } from '../../mock-server';
import { claimsFor } from '../../schema/token';
import { startTarget } from '../bench/target';
import { int, option, packageRoot, type CliSpec } from '../../cli-kit';
import { scriptOptions } from '../scriptCli';
import {
  largeEntriesRead,
  largeEntriesStalled,
  longPollFanOut,
  pipePosts,
  unreadPipe,
  type Target,
} from './hostile';

const SECRET = 'soak-memory-secret';
const MB = 1024 * 1024;

export const MEMORY_CLI = {
  name: 'npm run soak:memory --',
  synopsis: ['[options]'],
  summary:
    "The mock's RSS under rejected 1 MB bodies, many apps and stalled inspector viewers (127.0.0.1 only).",
  table: [
    option({
      key: 'bodies',
      valueName: 'N',
      default: 1000,
      parse: int(1, 100_000),
      help: 'rejected 1 MB bodies to send',
    }),
    option({
      key: 'apps',
      valueName: 'N',
      default: 10_000,
      parse: int(1, 1_000_000),
      help: 'distinct apps, one event each',
    }),
    option({
      key: 'viewers',
      valueName: 'N',
      default: 50,
      parse: int(1, 1000),
      help: 'stalled inspector viewers to open',
    }),
    option({
      key: 'journalMaxMb',
      valueName: 'MB',
      default: 256,
      parse: int(1, 4096),
      help: "the mock's --journal-max-bytes, in MB (part of the bound)",
    }),
  ],
} satisfies CliSpec;

/** What the docs promise: the process at rest, plus each byte cap, plus a fixed allowance for V8 and buffers. */
export const BOUND = {
  requestLogMb: 32,
  viewersMb: 16 * 2, // 16 feeds × (1 MB snapshot + 1 MB backlog)
  headroomMb: 96, // V8 heap slack, in-flight bodies (a few × 1 MB), socket buffers
  fileQueueMb: 16, // --journal-file: lines not yet written (QUEUE_MAX_BYTES)
};
/** --request-timeout of the soaked mock: also how long a control stream may stall before it is cut off. */
const REQUEST_TIMEOUT_MS = 10_000;

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

async function inBatches<T>(n: number, parallel: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, n - i) }, (_, k) => one(i + k));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

/** Opens an inspector feed and never reads it (the socket is paused: the kernel buffers fill, then the mock's). */
function stalledViewer(url: string): Promise<{ socket: net.Socket; status: number }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `GET /__mock/inspector/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
      );
    });
    socket.setNoDelay(true);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      resolve({ socket, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(first.toString('latin1'))?.[1] ?? 0) });
    });
    socket.once('error', reject);
  });
}

async function main(): Promise<number> {
  const args = scriptOptions(MEMORY_CLI);
  const cli = path.join(packageRoot(), 'dist', 'mock-server', 'cli.js');
  const token = createToken(claimsFor('docs', 'http://localhost'), SECRET);
  const event = (app: string) =>
    JSON.stringify([
      {
        event_name: 'app-init',
        session_id: '10c574d9-6d2c-4e6d-a141-ce6da141ce6d',
        user_id: 1,
        app_name: app,
      },
    ]);
  const start = (extra: string[] = []) =>
    startTarget(
      {
        name: 'mock',
        args: [
          cli,
          ...['--port', '0', '--secret', SECRET, '--log-level', 'silent', '--rate-limit', '600'],
          ...['--journal-max-bytes', String(args.journalMaxMb * MB)],
          ...['--request-timeout', String(REQUEST_TIMEOUT_MS), ...extra],
        ],
      },
      {
        path: '/events',
        headers: { 'content-type': 'application/json', 'tga-auth-token': token },
        body: event('docs'),
      },
    );
  const mock = await start();
  const target = (url: string): Target => ({
    url,
    token: (app) => createToken(claimsFor(app, 'http://localhost'), SECRET),
  });
  const viewers: net.Socket[] = [];
  let failed = false;
  try {
    const rest = rssMb(mock.pid);
    const bound = rest + args.journalMaxMb + BOUND.requestLogMb + BOUND.viewersMb + BOUND.headroomMb;
    let peak = rest;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    let pid = mock.pid;
    const phase = async (name: string, run: () => Promise<string>, extraMb = 0) => {
      const before = rssMb(pid);
      peak = before;
      const what = await run();
      const after = rssMb(pid);
      peak = Math.max(peak, after);
      const ok = peak <= bound + extraMb;
      failed ||= !ok;
      console.log(
        `${name.padEnd(34)} RSS ${before.toFixed(0).padStart(4)} → ${after.toFixed(0).padStart(4)} MB, ` +
          `peak ${peak.toFixed(0).padStart(4)} MB = ${(peak / (bound + extraMb)).toFixed(2)}× the bound ${(bound + extraMb).toFixed(0)} MB ` +
          `${ok ? 'ok' : 'OVER'}  (${what})`,
      );
    };
    console.log(
      `mock at rest: RSS ${rest.toFixed(0)} MB; bound = rest + journal ${args.journalMaxMb} MB + request log ${BOUND.requestLogMb} MB + viewers ${BOUND.viewersMb} MB + headroom ${BOUND.headroomMb} MB`,
    );

    const oneMb = Buffer.alloc(MB - 64, 0x01);
    await phase(`${args.bodies} rejected 1 MB bodies`, async () => {
      const statuses = await inBatches(args.bodies, 8, async () => {
        const res = await fetch(`${mock.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: oneMb,
        });
        await res.arrayBuffer();
        return res.status;
      });
      return `answers: ${[...new Set(statuses)].join(', ')}`;
    });

    await phase(`${args.apps} distinct apps`, async () => {
      const statuses = await inBatches(args.apps, 32, async (i) => {
        const app = `app-${i}-${'x'.repeat(200)}`;
        const res = await fetch(`${mock.url}/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'tga-auth-token': createToken(claimsFor(app, 'http://localhost'), SECRET),
          },
          body: event(app),
        });
        await res.arrayBuffer();
        return res.status;
      });
      return `${statuses.filter((s) => s === 201).length} recorded`;
    });

    await phase(`${args.viewers} stalled viewers + 600 × 16 KB`, async () => {
      const opened = await inBatches(args.viewers, 10, () => stalledViewer(mock.url));
      viewers.push(...opened.map((v) => v.socket));
      const refused = opened.filter((v) => v.status === 503).length;
      // Requests whose rows the feeds must carry: 16 KB bodies of \x01 (6× longer as JSON text).
      const sixteen = Buffer.alloc(16 * 1024, 0x01);
      await inBatches(600, 8, async () => {
        const res = await fetch(`${mock.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: sixteen,
        });
        await res.arrayBuffer();
      });
      // A feed the mock cut off ends once we read again; a live one stays open (heartbeats only).
      const ended = await Promise.all(
        viewers.map(
          (socket) =>
            new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), 2000);
              socket.once('close', () => (clearTimeout(timer), resolve(true)));
              socket.resume();
            }),
        ),
      );
      const cut = ended.filter(Boolean).length;
      return `${opened.length - refused} feeds opened, ${refused} answered 503; stalled feeds cut off by the mock: ${cut}`;
    });
    for (const v of viewers.splice(0)) v.destroy();

    const t = target(mock.url);
    await phase('long-poll fan-out (50 × min=10000)', () => longPollFanOut(t, 'fanout'));
    await phase('250 × 1 MB events, 5 readers', () => largeEntriesRead(t, 'large', 5));
    await phase('the same, 5 stalled readers', () => largeEntriesStalled(t, 5, REQUEST_TIMEOUT_MS + 2000));
    for (const required of [false, true]) {
      const pipe = unreadPipe();
      const piped = await start([
        '--journal-file',
        pipe.path,
        ...(required ? ['--journal-file-required'] : []),
      ]);
      pid = piped.pid;
      try {
        await phase(
          `unread journal pipe${required ? ', -required' : ''}: 500 × 1 MB`,
          () => pipePosts(target(piped.url), 'piped', 500),
          BOUND.fileQueueMb,
        );
      } finally {
        await piped.stop();
        pipe.close();
        pid = mock.pid;
      }
    }
    clearInterval(sampler);
  } finally {
    for (const v of viewers) v.destroy();
    await mock.stop();
  }
  if (failed) console.log('FAILED: a peak passed the stated bound');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
