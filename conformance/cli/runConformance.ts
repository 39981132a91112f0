// The CLI flow: options → select checks → probe the server → print the plan → run → summary,
// coverage and report files → exit code (0 all applicable checks passed, 1 a check failed,
// 2 bad usage or unreachable server).
import { helpText, usageError, versionText } from '../../cli-kit';
import { registry } from '../checks';
import { concludeRun, writeRunFiles } from '../report/conclude';
import { formatCoverage } from '../report/coverage';
import { formatSummary } from '../report/summary';
import { applyProfile } from '../run/bases';
import { budgetSummary } from '../run/budgetHint';
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
  const durationMs = Math.round(performance.now() - started);
  const conclusion = concludeRun(results, server, options, { startedAt, durationMs });
  const { writesUsed, stopped, coverage, gates, report } = conclusion;

  io.out(`${formatSummary(results, io.columns)}\n\n${formatCoverage(coverage)}\n`);
  const budgetLine = budgetSummary(plan, results, (name) => registry.get(name));
  if (budgetLine) io.out(`${budgetLine}\n`);
  for (const g of gates) io.out(`${g.passed ? 'gate passed' : 'GATE FAILED'}: ${g.message}\n`);
  io.out(
    `\nrun ${options.runId}, seed ${options.seed}, profile ${options.profile}, ${durationMs} ms, ` +
      `${writesUsed} event${writesUsed === 1 ? '' : 's'} accepted\n`,
  );
  const unwritten = writeRunFiles(results, options, conclusion);
  if (unwritten) {
    io.err(`tga-conformance: ${unwritten}\n`);
    return { exitCode: 2, results };
  }
  if (stopped) {
    io.err(`tga-conformance: ${stopped}; the run stopped there (the remaining checks were not run)\n`);
    return { exitCode: 2, results };
  }
  return { exitCode: report.verdict === 'failed' ? 1 : 0, results };
}
