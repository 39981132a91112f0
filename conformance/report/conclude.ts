// What a run comes to, for the command (cli/runConformance.ts) and defineConformanceTests
// (jest/index.ts) alike: the events it got accepted, why it stopped (if it did), its coverage and
// gates, the JSON report, and the --report-json and --junit files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { acceptedEvents } from '../run/budgetHint';
import type { CheckResult, ServerUnderTest } from '../run/types';
import { buildReport } from './buildReport';
import { coverageOf, type CoverageRow } from './coverage';
import { evaluateGates, type GateOutcome, type GateSettings } from './gates';
import { toJunit } from './junit';

/** The run's options that its conclusion reads (the command line's, by their keys). */
export interface ConcludeSettings extends GateSettings {
  runId: string;
  seed: number;
  baseUrl: string;
  maxWrites: number;
  reportJson: string | null;
  junit: string | null;
}

export interface Conclusion {
  writesUsed: number;
  /** Why the run stopped early (the target stopped answering), or null. */
  stopped: string | null;
  coverage: CoverageRow[];
  gates: GateOutcome[];
  report: ReturnType<typeof buildReport>;
}

/** The conclusion of a run whose checks gave `results` (the profile already applied). */
export function concludeRun(
  results: readonly CheckResult[],
  server: ServerUnderTest,
  settings: ConcludeSettings,
  timing: { startedAt: Date; durationMs: number },
): Conclusion {
  const writesUsed = acceptedEvents(results);
  const stopped = results.find((r) => r.stopped)?.stopped ?? null;
  const coverage = coverageOf(results);
  const gates = evaluateGates(results, coverage, settings);
  const report = buildReport(results, server, {
    runId: settings.runId,
    seed: settings.seed,
    maxWrites: settings.maxWrites,
    writesUsed,
    startedAt: timing.startedAt.toISOString(),
    durationMs: timing.durationMs,
    profile: settings.profile,
    gates,
    stopped,
  });
  return { writesUsed, stopped, coverage, gates, report };
}

/**
 * Writes the --report-json and --junit files the run asks for (their folders made as needed).
 * Returns why the first that could not be written failed, as `cannot write --flag PATH: why`.
 */
export function writeRunFiles(
  results: readonly CheckResult[],
  settings: ConcludeSettings,
  conclusion: Conclusion,
): string | undefined {
  const files: [string | null, string, () => string][] = [
    [settings.reportJson, '--report-json', () => `${JSON.stringify(conclusion.report, null, 2)}\n`],
    [
      settings.junit,
      '--junit',
      () =>
        toJunit(results, {
          runId: settings.runId,
          baseUrl: settings.baseUrl,
          durationMs: conclusion.report.durationMs,
          profile: settings.profile,
          gates: conclusion.gates,
        }),
    ],
  ];
  for (const [path, flag, render] of files) {
    if (!path) continue;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, render());
    } catch (error) {
      return `cannot write ${flag} ${path}: ${(error as Error).message}`;
    }
  }
  return undefined;
}
