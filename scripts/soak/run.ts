// npm run soak: 50 connections for a bounded time against the mock (its own process, 127.0.0.1),
// mixing valid single events, valid batches (plain and gzip), invalid batches and bad tokens.
// Afterwards the recorded events (the JSONL journal file, flushed on SIGTERM) must be exactly the
// events of the 201-answered requests, and the mock's resident memory must stay under a bound with
// the in-memory journal capped. Exit 1 when either fails.
//
//   npm run soak -- [--seconds S] [--connections N] [--max-requests N] [--journal-cap N] [--rss-bound-mb N]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createToken, DEMO_CLAIMS } from '../../mock-server';
import { startTarget } from '../bench/target';
import { number, option, packageRoot, type CliSpec } from '../../cli-kit';
import { scriptOptions } from '../scriptCli';
import { runLoad } from './load';

const DIST = path.join(packageRoot(), 'dist');
const SECRET = 'soak-secret';

const positive = number((n) => n > 0, 'over 0');
export const SOAK_CLI = {
  name: 'npm run soak --',
  synopsis: ['[options]'],
  summary:
    'Mixed traffic against the mock on 127.0.0.1; compares the journal file with the 201-acknowledged events.',
  table: [
    option({
      key: 'seconds',
      valueName: 'S',
      default: 20,
      parse: number((n) => n > 0 && n <= 600, 'over 0 up to 600'),
      help: 'how long to send',
    }),
    option({
      key: 'connections',
      valueName: 'N',
      default: 50,
      parse: positive,
      help: 'concurrent connections',
    }),
    option({
      key: 'maxRequests',
      valueName: 'N',
      default: 500_000,
      parse: positive,
      help: 'stop after this many requests',
    }),
    option({
      key: 'journalCap',
      valueName: 'N',
      default: 1000,
      parse: positive,
      help: "the mock's --journal-cap",
    }),
    option({
      key: 'rssBoundMb',
      valueName: 'MB',
      default: 256,
      parse: positive,
      help: 'the RSS bound the run checks',
    }),
  ],
} satisfies CliSpec;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function idsOf(line: string): string | undefined {
  const entry = JSON.parse(line) as {
    event?: { custom_data?: { soak_id?: string } };
    custom_data?: { soak_id?: string };
  };
  return (entry.event ?? entry).custom_data?.soak_id;
}

async function main(): Promise<number> {
  const args = scriptOptions(SOAK_CLI);
  const cli = path.join(DIST, 'mock-server', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} missing: run npm run build`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tga-soak-'));
  const journalFile = path.join(dir, 'journal.jsonl');
  const token = createToken(DEMO_CLAIMS, SECRET);
  const probeBody = JSON.stringify({
    event_name: 'app-init',
    session_id: '90620f17-7ddc-4c17-a53c-cc17653ccc17',
    user_id: 1,
    app_name: 'docs',
    custom_data: { soak_id: 'probe' },
  });
  const mock = await startTarget(
    {
      name: 'mock',
      args: [
        cli,
        '--port',
        '0',
        '--secret',
        SECRET,
        '--rate-limit',
        '0',
        '--log-level',
        'silent',
        '--journal-cap',
        String(args.journalCap),
        '--journal-file',
        journalFile,
      ],
    },
    {
      path: '/events',
      headers: { 'content-type': 'application/json', 'tga-auth-token': token },
      body: probeBody,
    },
  );
  let failures = 0;
  try {
    const rssStart = rssMb(mock.pid);
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(mock.pid))), 250);
    console.log(
      `soak: ${args.connections} connections for ${args.seconds} s against ${mock.url} (pid ${mock.pid})`,
    );
    const t0 = Date.now();
    const load = await runLoad({
      baseUrl: mock.url,
      token,
      connections: args.connections,
      seconds: args.seconds,
      maxRequests: args.maxRequests,
    });
    const elapsed = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    const rssEnd = rssMb(mock.pid);
    const health = (await (await fetch(`${mock.url}/__mock/health`)).json()) as {
      counts: { recorded: number; dropped: number };
    };
    await mock.stop(); // SIGTERM: the mock finishes in-flight requests and flushes the journal file

    const recorded = readFileSync(journalFile, 'utf8').split('\n').filter(Boolean).map(idsOf);
    const recordedIds = new Set(recorded.filter((id): id is string => id !== undefined && id !== 'probe'));
    const duplicates = recorded.length - new Set(recorded).size;
    const lost = [...load.acknowledged].filter((id) => !recordedIds.has(id));
    const extra = [...recordedIds].filter((id) => !load.acknowledged.has(id));
    const leakedRejected = [...load.rejected].filter((id) => recordedIds.has(id));

    console.log(
      `requests ${load.requests} in ${elapsed.toFixed(1)} s (${(load.requests / elapsed).toFixed(0)} req/s), transport errors ${load.errors}`,
    );
    for (const [kind, counts] of Object.entries(load.byKind))
      console.log(`  ${kind.padEnd(14)} ${JSON.stringify(counts)}`);
    console.log(
      `events acknowledged ${load.acknowledged.size}, recorded ${recordedIds.size}; lost ${lost.length}, extra ${extra.length}, from rejected requests ${leakedRejected.length}, duplicates ${duplicates}`,
    );
    console.log(
      `mock health: recorded ${health.counts.recorded}, dropped by the cap of ${args.journalCap}: ${health.counts.dropped}`,
    );
    console.log(
      `mock RSS: start ${rssStart.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB, end ${rssEnd.toFixed(0)} MB (bound ${args.rssBoundMb} MB)`,
    );

    const fail = (cond: boolean, what: string) => {
      if (cond) {
        failures++;
        console.log(`FAIL: ${what}`);
      }
    };
    fail(
      lost.length > 0,
      `${lost.length} acknowledged events were not recorded (e.g. ${lost.slice(0, 3).join(', ')})`,
    );
    fail(
      extra.length > 0,
      `${extra.length} recorded events were never acknowledged (e.g. ${extra.slice(0, 3).join(', ')})`,
    );
    fail(leakedRejected.length > 0, `${leakedRejected.length} events of rejected requests were recorded`);
    fail(duplicates > 0, `${duplicates} events recorded twice`);
    fail(
      health.counts.recorded !== load.acknowledged.size + 1,
      `health counts ${health.counts.recorded} recorded, expected ${load.acknowledged.size + 1} (with the start-up probe)`,
    );
    fail(load.errors > 0, `${load.errors} requests ended in a transport error`);
    fail(
      rssPeak > args.rssBoundMb,
      `peak RSS ${rssPeak.toFixed(0)} MB over the bound of ${args.rssBoundMb} MB`,
    );
    console.log(
      failures === 0
        ? 'soak: PASS — nothing lost, nothing extra, memory bounded'
        : `soak: FAIL (${failures})`,
    );
  } finally {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
