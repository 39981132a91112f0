// npm run bench: the mock against two floors measured in the same run, 127.0.0.1 only, bounded
// in time. With at least 2 cores and taskset, every server runs pinned to one core and the load
// generator (this process, running autocannon) to another, so req/s measures the server and not
// the machine; otherwise the run says it is unpinned. Reports, per scenario and target, req/s,
// server CPU µs per request (process.cpuUsage() read inside the server over IPC), p50/p99 latency
// and the share of expected statuses, the ratios to each floor (oriented so >= 1.00 means the mock
// is at least as good), start-up time (process start → first 201) and the conformance suite's wall
// time against a local mock. Writes a JSON report. Targets are reported, not asserted.
//
//   npm run bench -- [--duration S] [--warmup S] [--rounds N] [--connections N] [--startup-runs N] [--pin auto|off] [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { createToken, DEMO_CLAIMS } from '../../mock-server';
import { int, oneOf, option, packageRoot, str, type CliSpec, type OptionValues } from '../../cli-kit';
import { scriptOptions } from '../scriptCli';
import { detectMachine, pinSelf, planPinning, type PinPlan } from './pinning';
import { combine, medianBy, ratio, row, summaryTables, type Measured, type Round } from './report';
import { scenarios, type Scenario } from './scenarios';
import { startTarget, stopAllTargets, type Probe, type RunningTarget, type TargetSpec } from './target';

const ROOT = packageRoot();
const DIST = path.join(ROOT, 'dist');
const SECRET = 'bench-secret';

export const BENCH_CLI = {
  name: 'npm run bench --',
  synopsis: ['[options]'],
  summary:
    'Load-tests the mock against a bare node:http server and a bare Express 5 app, on 127.0.0.1, the servers pinned to one core and the load generator to another when there are two.',
  table: [
    option({
      key: 'duration',
      valueName: 'S',
      default: 1,
      parse: int(1, 60),
      help: 'seconds per round (whole seconds: autocannon samples once a second)',
    }),
    option({
      key: 'warmup',
      valueName: 'S',
      default: 1,
      parse: int(0, 30),
      help: 'seconds of warm-up per target and scenario',
    }),
    option({
      key: 'connections',
      valueName: 'N',
      default: 50,
      parse: int(1, 500),
      help: 'concurrent connections',
    }),
    option({
      key: 'startupRuns',
      valueName: 'N',
      default: 3,
      parse: int(1, 20),
      help: 'start-up measurements per target',
    }),
    option({
      key: 'rounds',
      valueName: 'N',
      default: 3,
      parse: int(1, 10),
      help: 'rounds per target and scenario (the median counts)',
    }),
    option({
      key: 'pin',
      valueName: 'MODE',
      default: 'auto',
      parse: oneOf(['auto', 'off']),
      help: 'auto: servers on one core, the load generator on another, when there are 2 cores and taskset; off: never',
    }),
    option({
      key: 'out',
      valueName: 'FILE',
      default: path.join(ROOT, '.artifacts', 'bench.json'),
      defaultText: '.artifacts/bench.json',
      parse: str,
      help: 'where the JSON report goes',
    }),
  ],
} satisfies CliSpec;

type Args = OptionValues<typeof BENCH_CLI.table>;

const TARGETS: TargetSpec[] = [
  { name: 'node:http floor', args: [path.join(__dirname, 'baseline-http.js')] },
  { name: 'express floor', args: [path.join(__dirname, 'baseline-express.js')] },
  {
    name: 'mock',
    // Token check, validation and journal on; the rate limit is on but too high to trigger.
    args: [
      path.join(DIST, 'mock-server/cli.js'),
      '--port',
      '0',
      '--secret',
      SECRET,
      '--rate-limit',
      '1000000000',
      '--log-level',
      'silent',
    ],
  },
];

/** One autocannon run against `url`. */
function load(url: string, s: Scenario, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: url + '/events',
    method: 'POST',
    headers: s.headers,
    body: s.body,
    connections,
    duration: seconds,
  });
}

/** One measured round: the load, with the server's and this process's CPU read around it. */
async function round(target: RunningTarget, s: Scenario, expected: number, args: Args): Promise<Round> {
  const server0 = await target.cpuMicros();
  const load0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await load(target.url, s, args.duration, args.connections);
  const wallMicros = Number(process.hrtime.bigint() - t0) / 1e3;
  const loadCpu = process.cpuUsage(load0);
  const serverCpuMicros = (await target.cpuMicros()) - server0;
  const stats =
    (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const answered = Object.values(stats).reduce((a, b) => a + b.count, 0);
  const total = answered + r.errors + r.timeouts;
  return {
    reqPerSec: r.duration > 0 ? r.requests.total / r.duration : 0,
    requests: r.requests.total,
    serverCpuMicros,
    loadCpuMicros: loadCpu.user + loadCpu.system,
    wallMicros,
    p50: r.latency.p50,
    p99: r.latency.p99,
    expectedShare: total ? (stats[String(expected)]?.count ?? 0) / total : 0,
  };
}

const pct = (cores: number) => `${(cores * 100).toFixed(0)}%`;

/** Stops every server started and exits, on Ctrl-C or SIGTERM. */
function stopOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping the servers it started`);
      stopAllTargets().finally(() => process.exit(code));
    });
}

async function main(): Promise<void> {
  const parsed = scriptOptions(BENCH_CLI);
  const args = { ...parsed, out: path.resolve(parsed.out) };
  for (const t of TARGETS)
    if (!existsSync(t.args[0])) throw new Error(`${t.args[0]} missing: run npm run build`);
  stopOnSignals();
  const machine = detectMachine();
  const plan = pinSelf(
    planPinning({
      mode: args.pin,
      taskset: machine.taskset,
      allowed: machine.allowed,
      parallelism: machine.parallelism,
    }),
  );
  const token = createToken(DEMO_CLAIMS, SECRET);
  const list = scenarios(token, DEMO_CLAIMS.app_domain);
  const probe: Probe = { path: '/events', headers: list[0].headers, body: list[0].body.toString() };

  console.log(
    `bench: ${machine.cores} cores on this machine, ${machine.parallelism} available to this process` +
      (machine.allowed ? ` (CPUs ${machine.allowed.join(',')})` : '') +
      `, node ${process.version}, 127.0.0.1`,
  );
  console.log(`bench: ${plan.summary}`);
  console.log(
    `bench: ${args.connections} connections, ${args.warmup} s warm-up, then ${args.rounds} round${args.rounds === 1 ? '' : 's'} of ${args.duration} s per target and scenario (targets take turns; the median round's req/s, CPU pooled over all rounds); server CPU from process.cpuUsage() in the server, over IPC`,
  );
  const startup: Record<string, number[]> = {};
  for (const t of TARGETS) {
    startup[t.name] = [];
    for (let i = 0; i < args.startupRuns; i++) {
      const running = await startTarget(t, probe, { plan });
      startup[t.name].push(running.startupMs);
      await running.stop();
    }
  }

  const running: Record<string, RunningTarget> = {};
  const measured: Record<string, Record<string, Measured>> = {};
  try {
    for (const t of TARGETS) running[t.name] = await startTarget(t, probe, { plan });
    // Targets take turns within each round and the median round counts, so a burst of load from
    // elsewhere on a shared machine hits all three alike instead of skewing one ratio.
    for (const s of list) {
      measured[s.name] = {};
      const rounds: Record<string, Round[]> = {};
      for (const t of TARGETS) {
        rounds[t.name] = [];
        if (args.warmup > 0) await load(running[t.name].url, s, args.warmup, args.connections);
      }
      for (let i = 0; i < args.rounds; i++)
        for (const t of TARGETS)
          rounds[t.name].push(await round(running[t.name], s, t.name === 'mock' ? s.expect : 201, args));
      for (const t of TARGETS) {
        const m = combine(rounds[t.name]);
        measured[s.name][t.name] = m;
        console.log(
          `  ${s.name.padEnd(20)} ${t.name.padEnd(16)} ${m.reqPerSec.toFixed(0).padStart(7)} req/s  ${(m.cpuUsPerRequest ?? 0).toFixed(0).padStart(4)} µs CPU/req  p50 ${m.p50} ms  p99 ${m.p99} ms  server CPU ${pct(m.serverCores)}, load generator ${pct(m.loadCores)}  expected ${(m.expectedShare * 100).toFixed(1)}%  (rounds: ${m.rounds.map((r) => r.toFixed(0)).join(', ')})` +
            // A load generator that uses its whole core is what limits req/s, not the server.
            (plan.pinned && m.loadCores >= 0.9 ? '  [load generator saturated: req/s is a lower bound]' : ''),
        );
        if (m.expectedShare < 1)
          console.log(
            `  WARNING: ${t.name} gave the expected status to only ${(m.expectedShare * 100).toFixed(1)}% of "${s.name}"`,
          );
      }
    }
  } finally {
    for (const r of Object.values(running)) await r.stop();
  }

  const conformance = await measureConformance(TARGETS[2], probe, token, plan);
  const rows = list.map((s) =>
    row(s.name, measured[s.name].mock, {
      'express floor': measured[s.name]['express floor'],
      'node:http floor': measured[s.name]['node:http floor'],
    }),
  );
  const startupMedian = Object.fromEntries(
    Object.entries(startup).map(([k, v]) => [k, medianBy(v, (x) => x)]),
  );
  const startupRatio = ratio(startupMedian.mock, startupMedian['express floor']);
  const batchRows = rows.filter((r) => r.scenario.startsWith('batch of 20') && !r.scenario.includes('gzip'));
  const report = {
    when: new Date().toISOString(),
    node: process.version,
    settings: args,
    machine,
    pinning: plan,
    cpuMethod:
      'process.cpuUsage() (user + system, all threads) read by the server process itself over IPC before and after each round; ÷ answers received',
    scenarios: rows,
    startupMs: { runs: startup, median: startupMedian },
    startupRatio: { mockOverExpress: startupRatio },
    conformance,
    targets: {
      'throughput: mock >= 0.85 x express floor in every scenario': rows.every(
        (r) => (r.throughput['express floor'] ?? 0) >= 0.85,
      ),
      'SDK batch path (batch of 20, with and without Origin): mock >= 1.00 x express floor, req/s and CPU µs/req':
        batchRows.every(
          (r) => (r.throughput['express floor'] ?? 0) >= 1 && (r.cpu['express floor'] ?? 0) >= 1,
        ),
      'start-up: mock <= 1.5 x express floor': (startupRatio ?? Infinity) <= 1.5,
    },
  };

  console.log('');
  for (const line of summaryTables(rows)) console.log(line);
  if (!plan.pinned) console.log(`(${plan.summary})`);
  console.log(
    `\nstart-up (median of ${args.startupRuns}, process start → first 201): ` +
      Object.entries(startupMedian)
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ') +
      `; mock/express ${startupRatio === null ? '–' : startupRatio.toFixed(2)}`,
  );
  console.log(`conformance suite against a local mock: ${conformance.summary}`);
  for (const [target, met] of Object.entries(report.targets))
    console.log(`target ${met ? 'MET   ' : 'MISSED'}: ${target}`);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`report: ${args.out}`);
}

/** Wall time of a full conformance run (the suite's own CLI, as users run it) against a fresh local mock. */
async function measureConformance(
  mock: TargetSpec,
  probe: Probe,
  token: string,
  plan: PinPlan,
): Promise<{ wallMs?: number; exitCode?: number | null; summary: string }> {
  const cli = path.join(DIST, 'conformance/cli/cli.js');
  if (!existsSync(cli)) return { summary: 'not measured: dist/conformance/cli/cli.js is not built' };
  const target = await startTarget(mock, probe, { plan });
  try {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [cli, '--base-url', target.url, '--token', token], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const summary = `${wallMs.toFixed(0)} ms wall, exit ${res.status}`;
    return { wallMs, exitCode: res.status, summary };
  } finally {
    await target.stop();
  }
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAllTargets();
  process.exit(1);
});
