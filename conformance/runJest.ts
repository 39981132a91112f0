// Runs a plan under Jest (the issue's "under the hood it is Jest"), programmatically, over the
// compiled shell next to this file: no TypeScript is compiled at run time. Jest runs in band, so
// checks run one after another and share the write budget.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from './plan';
import { runCheck } from './runCheck';
import { createRunState } from './runChecks';
import type { CheckResult, Target } from './types';

export interface RunFile {
  runId: string;
  seed: number;
  maxWrites: number;
  target: Target;
  plan: { name: string; skip: string | null; writes: number }[];
  resultsFile: string;
}

export const JEST_SHELL = 'conformance.jest.js';

export async function runWithJest(
  plan: Plan,
  target: Target,
  meta: { runId: string; seed: number },
): Promise<CheckResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tga-conformance-'));
  const runFile: RunFile = {
    runId: meta.runId,
    seed: meta.seed,
    maxWrites: plan.maxWrites,
    target,
    plan: plan.entries.map((e) => ({ name: e.check.name, skip: e.skip, writes: e.writes })),
    resultsFile: join(dir, 'results.jsonl'),
  };
  writeFileSync(join(dir, 'run.json'), JSON.stringify(runFile));
  writeFileSync(runFile.resultsFile, '');
  const shellDir = join(__dirname, 'jest');
  const previous = process.env.TGA_CONFORMANCE_RUN;
  process.env.TGA_CONFORMANCE_RUN = join(dir, 'run.json');
  try {
    // Loaded lazily: listing checks or printing usage should not pay for loading Jest.
    const { runCLI } = await import('jest');
    const config = {
      rootDir: shellDir,
      roots: [shellDir],
      testMatch: [`**/${JEST_SHELL}`],
      // The package may live under node_modules; Jest ignores that by default.
      testPathIgnorePatterns: [],
      haste: { retainAllFiles: true },
      transform: {},
      testEnvironment: 'node',
      // Our own summary is the output; Jest's default reporter would repeat every failure with a
      // stack trace of the harness.
      reporters: [join(shellDir, 'quietReporter.js')],
    };
    const { results } = await runCLI(
      {
        _: [],
        $0: 'tga-conformance',
        config: JSON.stringify(config),
        runInBand: true,
        cache: false,
        watchman: false,
        silent: true,
      },
      // The current directory as the one project: Jest then takes the whole config (reporters
      // included) from `config` above instead of looking for a config file.
      [process.cwd()],
    );
    const byName = new Map<string, CheckResult>();
    for (const line of readFileSync(runFile.resultsFile, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as CheckResult;
      byName.set(r.name, r);
    }
    const crash = results.testResults.find((t) => t.testExecError)?.testExecError?.message;
    const unused = createRunState(meta.runId, meta.seed, 0);
    return Promise.all(
      plan.entries.map(async (entry) => {
        if (entry.skip) return runCheck(entry, target, unused); // skipped without sending anything
        return (
          byName.get(entry.check.name) ?? {
            name: entry.check.name,
            title: entry.check.title,
            covers: [...entry.check.covers],
            verdict: 'failed' as const,
            exchanges: [],
            failures: [
              {
                aspect: 'error' as const,
                message: `Jest did not run this check${crash ? `: ${crash}` : ''}`,
              },
            ],
            observed: [],
            notes: [],
            durationMs: 0,
          }
        );
      }),
    );
  } finally {
    if (previous === undefined) delete process.env.TGA_CONFORMANCE_RUN;
    else process.env.TGA_CONFORMANCE_RUN = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}
