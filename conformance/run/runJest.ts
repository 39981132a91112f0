// Runs a plan under Jest, programmatically: the Jest shell in jest/ next to this file holds one
// test per planned check. From dist/ the shell is the compiled .js (nothing is compiled at run
// time); from the source tree (ts-node) it is the .ts, compiled by ts-jest. Jest runs in band, so
// checks run one after another and share the write budget.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Plan } from './plan';
import { emptyResult, runCheck } from './runCheck';
import { disarmLeftFaults, setInterruptCleanup } from './interrupt';
import { createRunState } from './runState';
import type { Skip } from './skipCodes';
import type { CheckResult, ServerUnderTest } from './types';

export interface RunFile {
  runId: string;
  seed: number;
  maxWrites: number;
  server: ServerUnderTest;
  plan: { name: string; skip: Skip | null; writes: number }[];
  resultsFile: string;
  /** Lines `armed <id>` / `disarmed <id>`: the faults armed on the mock (see interrupt.ts). */
  faultsFile: string;
}

/** `.js` when running from dist/, `.ts` when running from the source tree. */
const OWN_EXTENSION = extname(__filename);
/** The folder of the Jest shell and its reporter. */
export const JEST_SHELL_DIR = join(__dirname, 'jest');
export const JEST_SHELL = `conformance.jest${OWN_EXTENSION}`;
const QUIET_REPORTER = `quietReporter${OWN_EXTENSION}`;

export async function runWithJest(
  plan: Plan,
  server: ServerUnderTest,
  meta: { runId: string; seed: number },
): Promise<CheckResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tga-conformance-'));
  const runFile: RunFile = {
    runId: meta.runId,
    seed: meta.seed,
    maxWrites: plan.maxWrites,
    server,
    plan: plan.entries.map((e) => ({ name: e.check.name, skip: e.skip, writes: e.writes })),
    resultsFile: join(dir, 'results.jsonl'),
    faultsFile: join(dir, 'faults.log'),
  };
  writeFileSync(join(dir, 'run.json'), JSON.stringify(runFile));
  writeFileSync(runFile.resultsFile, '');
  writeFileSync(runFile.faultsFile, '');
  // On SIGINT/SIGTERM (cli.ts), disarm whatever the checks armed and did not disarm yet.
  setInterruptCleanup(() => disarmLeftFaults(server, readFileSync(runFile.faultsFile, 'utf8')));
  const previous = process.env.TGA_CONFORMANCE_RUN;
  process.env.TGA_CONFORMANCE_RUN = join(dir, 'run.json');
  try {
    // Loaded lazily: listing checks or printing usage should not pay for loading Jest.
    const { runCLI } = await import('jest');
    const config = {
      rootDir: JEST_SHELL_DIR,
      roots: [JEST_SHELL_DIR],
      testMatch: [`**/${JEST_SHELL}`],
      // The package may live under node_modules; Jest ignores that by default.
      testPathIgnorePatterns: [],
      haste: { retainAllFiles: true },
      // The compiled shell needs no transform; the source one is TypeScript.
      transform: OWN_EXTENSION === '.ts' ? { '^.+\\.ts$': 'ts-jest' } : {},
      testEnvironment: 'node',
      // Our own summary is the output; Jest's default reporter would repeat every failure with a
      // stack trace of the harness.
      reporters: [join(JEST_SHELL_DIR, QUIET_REPORTER)],
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
        if (entry.skip) return runCheck(entry, server, unused); // skipped without sending anything
        return (
          byName.get(entry.check.name) ?? {
            ...emptyResult(entry),
            verdict: 'failed' as const,
            failures: [
              {
                aspect: 'error' as const,
                message: `Jest did not run this check${crash ? `: ${crash}` : ''}`,
              },
            ],
          }
        );
      }),
    );
  } finally {
    setInterruptCleanup(null);
    if (previous === undefined) delete process.env.TGA_CONFORMANCE_RUN;
    else process.env.TGA_CONFORMANCE_RUN = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}
