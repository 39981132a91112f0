// npm run bench: the mock against two baselines measured in the same run, 127.0.0.1 only, bounded
// in time. Reports req/s, p50/p99 latency, the share of expected statuses and the ratio
// mock ÷ baseline per scenario, start-up time (process start → first 201) and the conformance
// suite's wall time against a local mock. Writes a JSON report. Targets are reported, not asserted.
//
//   npm run bench -- [--duration S] [--warmup S] [--rounds N] [--connections N] [--startup-runs N] [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { createToken, DEMO_CLAIMS } from '../../mock-server';
import { int, number, option, packageRoot, str, type CliSpec } from '../../cli-kit';
import { scriptOptions } from '../scriptCli';
import { scenarios, type Scenario } from './scenarios';
import { startTarget, type Probe, type RunningTarget, type TargetSpec } from './target';

interface Args {
  duration: number;
  warmup: number;
  connections: number;
  startupRuns: number;
  rounds: number;
  out: string;
}

const ROOT = packageRoot();
const DIST = path.join(ROOT, 'dist');
const SECRET = 'bench-secret';

export const BENCH_CLI: CliSpec = {
  name: 'npm run bench --',
  synopsis: ['[options]'],
  summary: 'Load-tests the mock against a bare node:http server and a bare Express 5 app, on 127.0.0.1.',
  table: [
    option({
      key: 'duration',
      valueName: 'S',
      default: 2,
      parse: number((n) => n > 0 && n <= 60, 'seconds, over 0 up to 60'),
      help: 'seconds per round',
    }),
    option({
      key: 'warmup',
      valueName: 'S',
      default: 2,
      parse: number((n) => n >= 0 && n <= 30, 'seconds, 0 to 30'),
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
      default: 5,
      parse: int(1, 20),
      help: 'start-up measurements per target',
    }),
    option({
      key: 'rounds',
      valueName: 'N',
      default: 5,
      parse: int(1, 10),
      help: 'rounds per target and scenario (the median counts)',
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
};

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

interface Measured {
  reqPerSec: number;
  /** Server CPU time per answered request, µs: far less sensitive to a busy machine than req/s. */
  cpuUsPerRequest: number;
  p50: number;
  p99: number;
  expectedShare: number;
  total: number;
}

async function load(
  url: string,
  s: Scenario,
  seconds: number,
  connections: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: url + '/events',
    method: 'POST',
    headers: s.headers,
    body: s.body,
    connections,
    duration: seconds,
  });
}

function summarize(r: autocannon.Result, expected: number, cpuSeconds: number): Measured {
  const stats =
    (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const total = Object.values(stats).reduce((a, b) => a + b.count, 0) + r.errors + r.timeouts;
  return {
    reqPerSec: r.requests.average,
    cpuUsPerRequest: r.requests.total ? (cpuSeconds * 1e6) / r.requests.total : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    expectedShare: total ? (stats[String(expected)]?.count ?? 0) / total : 0,
    total,
  };
}

/** The middle element by `key` (the upper one of an even count). */
function medianBy<T>(xs: T[], key: (x: T) => number): T {
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)];
}

async function main(): Promise<void> {
  const parsed = scriptOptions<Args>(BENCH_CLI);
  const args = { ...parsed, out: path.resolve(parsed.out) };
  for (const t of TARGETS)
    if (!existsSync(t.args[0])) throw new Error(`${t.args[0]} missing: run npm run build`);
  const token = createToken(DEMO_CLAIMS, SECRET);
  const list = scenarios(token);
  const probe: Probe = { path: '/events', headers: list[0].headers, body: list[0].body.toString() };

  console.log(
    `bench: ${args.connections} connections, ${args.warmup} s warm-up, then ${args.rounds} rounds of ${args.duration} s per target and scenario (median round reported), 127.0.0.1`,
  );
  const startup: Record<string, number[]> = {};
  for (const t of TARGETS) {
    startup[t.name] = [];
    for (let i = 0; i < args.startupRuns; i++) {
      const running = await startTarget(t, probe);
      startup[t.name].push(running.startupMs);
      await running.stop();
    }
  }

  const running: Record<string, RunningTarget> = {};
  const results: Record<string, Record<string, Measured>> = {};
  try {
    for (const t of TARGETS) running[t.name] = await startTarget(t, probe);
    // Targets take turns within each round and the median round counts, so a burst of load from
    // elsewhere on a shared machine hits all three alike instead of skewing one ratio.
    for (const s of list) {
      results[s.name] = {};
      const rounds: Record<string, Measured[]> = {};
      for (const t of TARGETS) {
        rounds[t.name] = [];
        if (args.warmup > 0) await load(running[t.name].url, s, args.warmup, args.connections);
      }
      for (let round = 0; round < args.rounds; round++) {
        for (const t of TARGETS) {
          const expected = t.name === 'mock' ? s.expect : 201;
          const cpu0 = running[t.name].cpuSeconds();
          const result = await load(running[t.name].url, s, args.duration, args.connections);
          rounds[t.name].push(summarize(result, expected, running[t.name].cpuSeconds() - cpu0));
        }
      }
      for (const t of TARGETS) {
        const m = {
          ...medianBy(rounds[t.name], (r) => r.reqPerSec),
          cpuUsPerRequest: medianBy(rounds[t.name], (r) => r.cpuUsPerRequest).cpuUsPerRequest,
        };
        results[s.name][t.name] = m;
        console.log(
          `  ${s.name.padEnd(18)} ${t.name.padEnd(16)} ${m.reqPerSec.toFixed(0).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ${m.cpuUsPerRequest.toFixed(0)} µs CPU/req  expected ${(m.expectedShare * 100).toFixed(1)}%  (rounds: ${rounds[t.name].map((r) => r.reqPerSec.toFixed(0)).join(', ')})`,
        );
      }
    }
  } finally {
    for (const r of Object.values(running)) await r.stop();
  }

  const conformance = await measureConformance(TARGETS[2], probe, token);
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  const rows = list.map((s) => {
    const r = results[s.name];
    return {
      scenario: s.name,
      mock: r.mock,
      express: r['express floor'],
      http: r['node:http floor'],
      mockOverExpress: ratio(r.mock.reqPerSec, r['express floor'].reqPerSec),
      mockOverHttp: ratio(r.mock.reqPerSec, r['node:http floor'].reqPerSec),
      // CPU per request, inverted so that, like the throughput ratio, above 1 means the mock is cheaper.
      cpuExpressOverMock: ratio(r['express floor'].cpuUsPerRequest, r.mock.cpuUsPerRequest),
    };
  });
  const startupMedian = Object.fromEntries(
    Object.entries(startup).map(([k, v]) => [k, medianBy(v, (x) => x)]),
  );
  const report = {
    when: new Date().toISOString(),
    node: process.version,
    settings: args,
    scenarios: rows,
    startupMs: { runs: startup, median: startupMedian },
    startupRatio: { mockOverExpress: ratio(startupMedian.mock, startupMedian['express floor']) },
    conformance,
    targets: {
      'throughput: mock >= 0.85 x express floor in every scenario': rows.every(
        (r) => r.mockOverExpress >= 0.85,
      ),
      'start-up: mock <= 1.5 x express floor':
        ratio(startupMedian.mock, startupMedian['express floor']) <= 1.5,
    },
  };

  console.log(
    '\nscenario            mock req/s  express req/s  http req/s  mock/express  mock/http   CPU µs/req mock  express  express/mock',
  );
  for (const r of rows) {
    console.log(
      `${r.scenario.padEnd(20)}${r.mock.reqPerSec.toFixed(0).padStart(11)}${r.express.reqPerSec.toFixed(0).padStart(15)}${r.http.reqPerSec.toFixed(0).padStart(12)}${r.mockOverExpress.toFixed(2).padStart(14)}${r.mockOverHttp.toFixed(2).padStart(11)}` +
        `${r.mock.cpuUsPerRequest.toFixed(0).padStart(17)}${r.express.cpuUsPerRequest.toFixed(0).padStart(9)}${r.cpuExpressOverMock.toFixed(2).padStart(14)}`,
    );
  }
  console.log(
    `\nstart-up (median of ${args.startupRuns}, process start → first 201): ` +
      Object.entries(startupMedian)
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ') +
      `; mock/express ${report.startupRatio.mockOverExpress.toFixed(2)}`,
  );
  console.log(`conformance suite against a local mock: ${conformance.summary}`);
  for (const [target, met] of Object.entries(report.targets))
    console.log(`target ${met ? 'MET ' : 'MISSED'}: ${target}`);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`report: ${args.out}`);
}

/** Wall time of a full conformance run (the suite's own CLI, as users run it) against a fresh local mock. */
async function measureConformance(
  mock: TargetSpec,
  probe: Probe,
  token: string,
): Promise<{ wallMs?: number; exitCode?: number | null; summary: string }> {
  const cli = path.join(DIST, 'conformance/cli/cli.js');
  if (!existsSync(cli)) return { summary: 'not measured: dist/conformance/cli/cli.js is not built' };
  const target = await startTarget(mock, probe);
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

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
