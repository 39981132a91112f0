// The CLI flow: options → select checks → probe the server → print the plan → run → summary,
// coverage and report files → exit code (0 all applicable checks passed, 1 a check failed,
// 2 bad usage or unreachable server).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { helpText, usageError, versionText } from '../../cli-kit';
import { registry } from '../checks';
import { buildReport } from '../report/buildReport';
import { coverageOf, formatCoverage } from '../report/coverage';
import { evaluateGates } from '../report/gates';
import { toJunit } from '../report/junit';
import { formatSummary } from '../report/summary';
import { applyProfile } from '../run/bases';
import { acceptedEvents, budgetSummary } from '../run/budgetHint';
import { formatPlan, planRun, type Plan } from '../run/plan';
import { probeTarget } from '../run/probeTarget';
import type { CheckResult, ServerUnderTest } from '../run/types';
import { CONFORMANCE_CLI, readConformanceCommand } from './options';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width when stdout is one; the table fits it (120 in a pipe). */
  columns?: number;
}

/** Runs a plan: under Jest (the CLI, run/runJest.ts) or, in the project's tests, in this process. */
export type Executor = (
  plan: Plan,
  server: ServerUnderTest,
  meta: { runId: string; seed: number },
) => Promise<CheckResult[]>;

export interface RunOutcome {
  exitCode: 0 | 1 | 2;
  results: CheckResult[];
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
  const badUsage = (line: string): RunOutcome => {
    io.err(`${line}\n`);
    return { exitCode: 2, results: [] };
  };
  const command = readConformanceCommand(argv, env);
  switch (command.kind) {
    case 'error':
      return badUsage(usageError(CONFORMANCE_CLI, command.error));
    case 'help':
    case 'version':
      io.out(`${command.kind === 'help' ? helpText(CONFORMANCE_CLI) : versionText()}\n`);
      return { exitCode: 0, results: [] };
    case 'list':
      io.out(`${registry.checks.map((c) => `${c.name.padEnd(48)} ${c.title}`).join('\n')}\n`);
      return { exitCode: 0, results: [] };
  }
  const options = command.options;
  const { selected, unknown } = registry.select(options.checks, options.skipChecks);
  if (unknown.length) {
    const patterns = unknown.map((u) => `"${u}"`).join(', ');
    return badUsage(
      `${CONFORMANCE_CLI.name}: no check matches ${patterns} (see ${CONFORMANCE_CLI.name} --list)`,
    );
  }

  if (/\/events$/.test(new URL(options.baseUrl).pathname)) {
    io.err(
      `tga-conformance: hint: --base-url ends in /events; requests go to ${options.baseUrl}/events ` +
        `(the suite adds /events itself: give the server's base, without /events)\n`,
    );
  }
  const probe = await probeTarget(options);
  if (!probe.ok) {
    io.err(`tga-conformance: ${probe.error}\n`);
    return { exitCode: 2, results: [] };
  }
  const server = probe.server;
  const plan = planRun(selected, server, options.maxWrites);
  const meta = { runId: options.runId, seed: options.seed };
  io.out(`${formatPlan(plan, server, meta)}\n\n`);

  const startedAt = new Date();
  const started = performance.now();
  const results = applyProfile(await executor(plan, server, meta), options.profile);
  const writesUsed = acceptedEvents(results);
  const durationMs = Math.round(performance.now() - started);
  const stopped = results.find((r) => r.stopped)?.stopped ?? null;
  const coverage = coverageOf(results);
  const gates = evaluateGates(results, coverage, options);

  io.out(`${formatSummary(results, io.columns)}\n\n${formatCoverage(coverage)}\n`);
  const budgetLine = budgetSummary(plan, results, (name) => registry.get(name));
  if (budgetLine) io.out(`${budgetLine}\n`);
  for (const g of gates) io.out(`${g.passed ? 'gate passed' : 'GATE FAILED'}: ${g.message}\n`);
  io.out(
    `\nrun ${options.runId}, seed ${options.seed}, profile ${options.profile}, ${durationMs} ms, ` +
      `${writesUsed} event${writesUsed === 1 ? '' : 's'} accepted\n`,
  );
  const report = buildReport(results, server, {
    runId: options.runId,
    seed: options.seed,
    maxWrites: options.maxWrites,
    writesUsed,
    startedAt: startedAt.toISOString(),
    durationMs,
    profile: options.profile,
    gates,
    stopped,
  });
  const files: [string | null, string, () => string][] = [
    [options.reportJson, '--report-json', () => `${JSON.stringify(report, null, 2)}\n`],
    [
      options.junit,
      '--junit',
      () =>
        toJunit(results, {
          runId: options.runId,
          baseUrl: options.baseUrl,
          durationMs,
          profile: options.profile,
          gates,
        }),
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
  if (stopped) {
    io.err(`tga-conformance: ${stopped}; the run stopped there (the remaining checks were not run)\n`);
    return { exitCode: 2, results };
  }
  return { exitCode: report.verdict === 'failed' ? 1 : 0, results };
}
