// The CLI flow: options → select checks → probe the target → print the plan → run → summary,
// coverage and report files → exit code (0 all applicable checks passed, 1 a check failed,
// 2 bad usage or unreachable target).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { registry } from './checks';
import { resolveOptions } from './options';
import { formatPlan, planRun, type Plan } from './plan';
import { probeTarget } from './probeTarget';
import { buildReport } from './report/buildReport';
import { coverageOf, formatCoverage } from './report/coverage';
import { toJunit } from './report/junit';
import { formatSummary } from './report/summary';
import { createRunState, runChecks } from './runChecks';
import type { CheckResult, Target } from './types';
import { USAGE } from './usage';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Runs a plan: in this process (tests) or under Jest (the CLI). */
export type Executor = (
  plan: Plan,
  target: Target,
  meta: { runId: string; seed: number },
) => Promise<CheckResult[]>;

export const inProcessExecutor: Executor = async (plan, target, meta) => {
  const state = createRunState(meta.runId, meta.seed, plan.maxWrites);
  return runChecks(plan, target, state);
};

export interface RunOutcome {
  exitCode: 0 | 1 | 2;
  results: CheckResult[];
}

/** Events in requests the server answered 2xx: what this run wrote. */
function acceptedEvents(results: readonly CheckResult[]): number {
  return results
    .flatMap((r) => r.exchanges)
    .filter((e) => e.received && e.received.status >= 200 && e.received.status < 300)
    .reduce((n, e) => n + e.sent.events, 0);
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export async function runConformance(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io,
  executor: Executor,
): Promise<RunOutcome> {
  const usage = (message: string): RunOutcome => {
    io.err(`tga-conformance: ${message}\n\n${USAGE}\n`);
    return { exitCode: 2, results: [] };
  };
  const resolved = resolveOptions(argv, env);
  if (!resolved.ok) return usage(resolved.error);
  if (resolved.command === 'help') {
    io.out(`${USAGE}\n`);
    return { exitCode: 0, results: [] };
  }
  if (resolved.command !== 'run') {
    io.out(`${registry.checks.map((c) => `${c.name.padEnd(48)} ${c.title}`).join('\n')}\n`);
    return { exitCode: 0, results: [] };
  }
  const options = resolved.options;
  const { selected, unknown } = registry.select(options.checks, options.skipChecks);
  if (unknown.length)
    return usage(`no check matches ${unknown.map((u) => `"${u}"`).join(', ')} (see --list)`);

  const probe = await probeTarget(options);
  if (!probe.ok) {
    io.err(`tga-conformance: ${probe.error}\n`);
    return { exitCode: 2, results: [] };
  }
  const target = probe.target;
  const plan = planRun(selected, target, options.maxWrites);
  const meta = { runId: options.runId, seed: options.seed };
  io.out(`${formatPlan(plan, target, meta)}\n\n`);

  const startedAt = new Date();
  const started = performance.now();
  const results = await executor(plan, target, meta);
  const writesUsed = acceptedEvents(results);
  const durationMs = Math.round(performance.now() - started);

  io.out(`${formatSummary(results)}\n\n${formatCoverage(coverageOf(results))}\n`);
  io.out(`\nrun ${options.runId}, seed ${options.seed}, ${durationMs} ms, ${writesUsed} events accepted\n`);
  const report = buildReport(results, target, {
    runId: options.runId,
    seed: options.seed,
    maxWrites: options.maxWrites,
    writesUsed,
    startedAt: startedAt.toISOString(),
    durationMs,
  });
  const files: [string | null, string, () => string][] = [
    [options.reportJson, '--report-json', () => `${JSON.stringify(report, null, 2)}\n`],
    [
      options.junit,
      '--junit',
      () => toJunit(results, { runId: options.runId, baseUrl: options.baseUrl, durationMs }),
    ],
  ];
  for (const [path, flag, render] of files) {
    if (!path) continue;
    try {
      writeFile(path, render());
    } catch (error) {
      io.err(`tga-conformance: cannot write ${flag} ${path}: ${(error as Error).message}\n`);
      return { exitCode: 2, results };
    }
  }
  return { exitCode: report.verdict === 'failed' ? 1 : 0, results };
}
